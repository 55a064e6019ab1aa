export { loadReportFont, missingGlyphs, missingGlyphsInResult, parseFontSpec, defaultFontFile, type ReportFont } from './font.js';
export { renderReviewPdf, renderReviewPdfWithPlan, type PdfOptions, type RenderOptions } from './render.js';
export { pagePlan, type PagePlan, type CityPlan } from './plan.js';
export { median } from './view.js';
