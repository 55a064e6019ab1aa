/** The page plan: how many pages each part takes, known before drawing (the test states it). */
import type { Result } from '../../model/result.js';
import type { Rules } from '../../rules/schema.js';
import { coverSegments } from './cover.js';
import { layoutFlow, type FlowLayout } from './flow.js';
import { citySegments, rankingSegments, selectionSegments } from './ranking.js';
import { buildView, type ReportView } from './view.js';
import { hasPanelReview, panelReviewSegments } from './panelReview.js';
import type { PdfLang } from './labels.js';

export interface CityPlan {
  name: string;
  /** Pages of the city's ranking-versus-推荐排序 summary. */
  summary: number;
  /** One review page per applicant of the city. */
  applicants: number;
}

export interface PagePlan {
  cover: number;
  ranking: number;
  selection: number;
  /** Pages of the 专家评分复核 list (province PDF with expert scores only). */
  panelReview: number;
  cities: CityPlan[];
  applicantPages: number;
  total: number;
}

export interface Layouts {
  cover: FlowLayout;
  ranking: FlowLayout;
  selection: FlowLayout | null;
  panelReview: FlowLayout | null;
  cities: FlowLayout[];
}

export function layoutsOf(view: ReportView, lang: PdfLang = 'zh'): Layouts {
  return {
    cover: layoutFlow(coverSegments(view)),
    ranking: layoutFlow(rankingSegments(view)),
    selection: view.result.selection ? layoutFlow(selectionSegments(view)) : null,
    panelReview: hasPanelReview(view) ? layoutFlow(panelReviewSegments(view, lang)) : null,
    cities: view.cities.map((c) => layoutFlow(citySegments(c))),
  };
}

export function planOf(view: ReportView, layouts: Layouts = layoutsOf(view)): PagePlan {
  const cities = view.cities.map((c, i) => ({ name: c.name, summary: layouts.cities[i]!.pages, applicants: c.applicants.length }));
  const applicantPages = cities.reduce((s, c) => s + c.applicants, 0);
  const cover = layouts.cover.pages;
  const ranking = layouts.ranking.pages;
  const selection = layouts.selection?.pages ?? 0;
  const panelReview = layouts.panelReview?.pages ?? 0;
  return {
    cover,
    ranking,
    selection,
    panelReview,
    cities,
    applicantPages,
    total: cover + ranking + selection + panelReview + cities.reduce((s, c) => s + c.summary, 0) + applicantPages,
  };
}

/** The plan of the PDF `renderReviewPdf` makes for the same arguments. */
export function pagePlan(result: Result, rules: Rules, opts: { city?: string; lang?: PdfLang } = {}): PagePlan {
  const view = buildView(result, rules, opts.city);
  return planOf(view, layoutsOf(view, opts.lang));
}
