export { loadReportFont, reportFontFromBytes, missingGlyphs, missingGlyphsInResult, parseFontSpec, defaultFontFile, type ReportFont } from './font.js';
export { renderReviewPdf, renderReviewPdfWithPlan, type PdfOptions, type RenderOptions } from './render.js';
export { pagePlan, type PagePlan, type CityPlan } from './plan.js';
export { renderAllPdfs, MIN_APPLICANTS_FOR_PDF_WORKERS, type AllPdfOptions } from './parallel.js';
