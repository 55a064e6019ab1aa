/** The page plan: how many pages each part takes, known before drawing (the test states it). */
import type { Result } from '../../model/result.js';
import type { Rules } from '../../rules/schema.js';
import { coverSegments } from './cover.js';
import { layoutFlow, type FlowLayout } from './flow.js';
import { citySegments, rankingSegments, selectionSegments } from './ranking.js';
import { buildView, type ReportView } from './view.js';
import { hasPanelReview, panelReviewSegments } from './panelReview.js';
import { labelsFor, type PdfLang } from './labels.js';
import type { ReportFont } from './font.js';
import type { RulesFileName, Sizing } from './context.js';
import { reviewDecisionsHeight } from './reviewDecisions.js';
import { reviewLayout, type ReviewLayout } from './review.js';
import { measureWith, type Measure } from './wrap.js';
import { DEFAULT_RULES_FILE } from '../../rules/load.js';

export interface CityPlan {
  name: string;
  /** Pages of the city's ranking-versus-推荐排序 summary. */
  summary: number;
  /** The city's applicants, each with a review page. */
  applicants: number;
  /** Pages of those review pages: one each, and more for findings that continue past the form. */
  reviewPages: number;
}

export interface PagePlan {
  cover: number;
  ranking: number;
  selection: number;
  /** Pages of the 专家评分复核 list (province PDF with expert scores only). */
  panelReview: number;
  cities: CityPlan[];
  /** Review pages in all (one per applicant unless findings continue). */
  applicantPages: number;
  total: number;
}

export interface Layouts {
  cover: FlowLayout;
  ranking: FlowLayout;
  selection: FlowLayout | null;
  panelReview: FlowLayout | null;
  cities: FlowLayout[];
  /** Each applicant's findings in lines and the pages its review takes, by applicant id. */
  reviews: Map<string, ReviewLayout>;
}

/** The rules file's name as a page shows it: the built-in file unless another was given. */
export function rulesFileName(file?: string): RulesFileName {
  const name = (f: string) => f.split(/[\\/]/).at(-1) ?? f;
  return file === undefined || file === DEFAULT_RULES_FILE ? { name: name(DEFAULT_RULES_FILE), builtIn: true } : { name: name(file), builtIn: false };
}

export function sizingOf(view: ReportView, lang: PdfLang, measure: Measure, rulesFile: RulesFileName = rulesFileName()): Sizing {
  return { view, lang, L: labelsFor(lang), measure, rulesFile };
}

export function layoutsOf(s: Sizing): Layouts {
  const { view, lang } = s;
  const reviews = new Map<string, ReviewLayout>();
  for (const c of view.cities) for (const a of c.applicants) reviews.set(a.id, reviewLayout(a, lang, s.measure, reviewDecisionsHeight(view, a, lang, s.measure)));
  return {
    cover: layoutFlow(coverSegments(s)),
    ranking: layoutFlow(rankingSegments(s)),
    selection: view.result.selection ? layoutFlow(selectionSegments(view)) : null,
    panelReview: hasPanelReview(view) ? layoutFlow(panelReviewSegments(s)) : null,
    cities: view.cities.map((c) => layoutFlow(citySegments(s, c))),
    reviews,
  };
}

export function planOf(view: ReportView, layouts: Layouts): PagePlan {
  const cities = view.cities.map((c, i) => ({
    name: c.name,
    summary: layouts.cities[i]!.pages,
    applicants: c.applicants.length,
    reviewPages: c.applicants.reduce((n, a) => n + layouts.reviews.get(a.id)!.pages, 0),
  }));
  const applicantPages = cities.reduce((s, c) => s + c.reviewPages, 0);
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
export function pagePlan(result: Result, rules: Rules, font: ReportFont, opts: { city?: string; lang?: PdfLang; rulesFile?: string } = {}): PagePlan {
  const view = buildView(result, rules, opts.city);
  return planOf(view, layoutsOf(sizingOf(view, opts.lang ?? 'zh', measureWith(font), rulesFileName(opts.rulesFile))));
}
