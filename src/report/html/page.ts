/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The browser script of 评审结果.html, compiled by the project's tsc and inlined by index.ts. It reads
 * the page's data (zlib + base64 in #yunshang-data), and lays out four views by the address's hash:
 * the province ranking (#/), a city (#/city/<市>), an applicant (#/a/<id>) and the rules (#/rules),
 * plus the review lists (#/review). Every text from the data goes into the page through textContent
 * or an attribute set with setAttribute, never as markup. No import, no request: the links it makes
 * point at files of the input tree beside the page, and only when a person clicks them.
 */

import type { PageLabels } from './labels.js';
import type { IndicatorResult, ValueSource } from '../../model/result.js';

type Dict = Record<string, string>;
/** A value's source and an indicator as the Result has them (types only: nothing is imported at run time). */
type Src = ValueSource;
type Ind = IndicatorResult;
interface Fnd {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: Dict;
  place?: string;
  applicant?: string;
  city?: string;
  waived?: unknown;
}
interface Form {
  file: string;
  sheet: string;
  format: string;
}
interface App {
  id: string;
  city: string;
  district: string | null;
  name: string;
  creditCode: string | null;
  status: 'qualified' | 'flagged' | 'rejected';
  rejectedBy: string[];
  provinceRank: number | null;
  cityRank: number | null;
  cityRecommendedRank: number | null;
  selected: boolean;
  indicators: Record<string, Ind>;
  selfTotal: number;
  horizontalTotal: number;
  indicatorTotal: number;
  expertTotal: number | null;
  expert: { items: Record<string, number | null>; experts: number; recused: string[] } | null;
  total: number;
  maxTotal: number;
  identity: Record<string, string | number | null>;
  received: { a1: Form | null; a2: Form | null; systems: Form | null; products: Form | null; license: string | null };
  findings: Fnd[];
}
interface Decision {
  row: number;
  file: string;
  enterprise: string;
  applicant: string | null;
  target: string;
  reason: string;
  applied: boolean;
}
interface Result {
  expertScored: boolean;
  input: { root: string };
  cities: { name: string; applicants: string[]; a3: Form | null }[];
  applicants: App[];
  findings: Fnd[];
  panelReview: Fnd[];
  decisions: Decision[];
}
interface Linked {
  typed: string;
  path: string | null;
}
interface Evidence {
  files: string[];
  images: string[];
  systems: { row: number; indicator: string | null; name: string | null; onCloud: boolean | null; login: Linked | null; main: Linked | null }[];
  products: { row: number; name: string | null; contract: Linked | null; invoice: Linked | null }[];
}
interface Extra {
  fix: string;
  waived: string;
}
interface Page {
  lang: 'zh' | 'en';
  labels: PageLabels;
  words: Dict;
  identity: { labels: Dict; wan: string; money: string[] };
  serverParts: Dict;
  cityOrder: string[];
  rules: {
    title: string;
    source: string;
    rankBy: string;
    note: string | null;
    combination: { self: number; horizontal: number };
    indicators: { key: string; name: string; dimension: string; weight: number; unit: string; n: string; m: string }[];
    experts: { key: string; name: string; group: string; max: number }[];
    bands: { grade: string; share: number; factor: number }[];
  };
  findingExtras: Record<string, Extra[]>;
  cityFindingExtras: Extra[];
  panelReview: { message: string; fix: string }[];
  decisions: { title: string; rows: { kind: string; outcome: string }[] };
  evidence: Record<string, Evidence>;
  links: { name: string; fromOutput: string | null };
}

let R: Result;
let P: Page;
let L: Page['labels'];
const byId = new Map<string, App>();
/** Where the input tree is, as a relative URL ending in `/`; null until found (or when it cannot be). */
let base: string | null = null;
let linkState: 'unknown' | 'ok' | 'unreachable' = 'unknown';

type Child = Node | string | number | null | undefined | false;

/** An element with attributes set one by one and children as text nodes: no markup is ever parsed. */
function h(tag: string, attrs: Record<string, string | undefined> | null = null, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag);
  if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  return e;
}

function fmt(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in args ? String(args[k]) : whole));
}

const num = (v: number | null | undefined, digits = 2): string => (v === null || v === undefined ? '—' : v.toFixed(digits));
const int = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : String(v));

function cityIndex(name: string): number {
  const i = P.cityOrder.indexOf(name);
  return i < 0 ? P.cityOrder.length : i;
}

/** A file of the input tree (path relative to the input root) as a link; the path's segments encoded, so it stays a path. */
function fileLink(rel: string, text?: string): HTMLElement {
  const href = (base ?? P.links.fromOutput ?? `${P.links.name}/`) + rel.split('/').map(encodeURIComponent).join('/');
  return h('a', { href, target: '_blank', rel: 'noopener', title: rel, 'data-file': rel }, text ?? rel);
}

function go(hash: string): HTMLElement {
  return h('a', { href: hash }, '');
}

function appLink(a: App): HTMLElement {
  const link = go(`#/a/${encodeURIComponent(a.id)}`);
  link.textContent = a.name;
  return link;
}

function statusCell(a: App): HTMLElement {
  return h('td', { class: a.status, 'data-status': a.status }, P.words[a.status]);
}

function setView(title: string, ...content: Child[]): void {
  const main = document.getElementById('main')!;
  main.replaceChildren(h('h2', null, title), ...content.filter((c): c is Node | string => c !== null && c !== undefined && c !== false).map((c) => (typeof c === 'object' ? c : String(c))));
  document.title = `${title} · ${L.title}`;
  // The tab of the view shown: an applicant belongs to the ranking, a city to the cities.
  const hash = location.hash;
  const tab = hash.startsWith('#/city/') || hash === '#/cities' ? '#/cities' : hash === '#/rules' || hash === '#/review' ? hash : '#/';
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('on', a.getAttribute('href') === tab);
}

// ---------------------------------------------------------------- the ranking

interface Column {
  key: string;
  label: string;
  num?: boolean;
  value: (a: App) => string | number | null;
  cell?: (a: App) => HTMLElement;
}

const state = { sort: 'rank', desc: false, city: '', status: '', q: '' };

function rankingColumns(): Column[] {
  const rejected = (a: App) => a.status === 'rejected';
  const max = R.applicants.find((a) => a.status !== 'rejected')?.maxTotal ?? (R.expertScored ? 100 : 75);
  return [
    { key: 'rank', label: L.rank, num: true, value: (a) => a.provinceRank },
    { key: 'city', label: L.city, value: (a) => a.city },
    { key: 'district', label: L.district, value: (a) => a.district },
    { key: 'name', label: L.name, value: (a) => a.name, cell: (a) => h('td', null, appLink(a)) },
    { key: 'creditCode', label: L.creditCode, value: (a) => a.creditCode },
    { key: 'status', label: L.status, value: (a) => P.words[a.status] ?? a.status, cell: statusCell },
    { key: 'selfTotal', label: L.selfTotal, num: true, value: (a) => (rejected(a) ? null : a.selfTotal) },
    { key: 'horizontalTotal', label: L.horizontalTotal, num: true, value: (a) => (rejected(a) ? null : a.horizontalTotal) },
    { key: 'indicatorTotal', label: L.indicatorTotal, num: true, value: (a) => (rejected(a) ? null : a.indicatorTotal) },
    { key: 'expertTotal', label: L.expertTotal, num: true, value: (a) => (rejected(a) ? null : a.expertTotal) },
    { key: 'total', label: `${L.total} (${max})`, num: true, value: (a) => (rejected(a) ? null : a.total) },
    { key: 'cityRank', label: L.cityRank, num: true, value: (a) => (rejected(a) ? null : a.cityRank) },
    { key: 'recommended', label: L.recommended, num: true, value: (a) => a.cityRecommendedRank },
  ];
}

function shownValue(c: Column, a: App): string {
  const v = c.value(a);
  if (v === null || v === undefined) return c.key === 'expertTotal' && a.status !== 'rejected' && !R.expertScored ? P.words.pendingExpert! : '';
  if (typeof v === 'number') return ['rank', 'cityRank', 'recommended'].includes(c.key) ? String(v) : v.toFixed(2);
  return v;
}

/** Sorts by the column; empty values last whichever the direction; the province order breaks ties. */
function sortRows(rows: App[], col: Column, desc: boolean): App[] {
  const order = new Map(R.applicants.map((a, i) => [a.id, i]));
  const collator = new Intl.Collator(P.lang === 'zh' ? 'zh-CN' : 'en');
  return [...rows].sort((x, y) => {
    const [a, b] = [col.value(x), col.value(y)];
    if (a === null || a === '' || b === null || b === '') {
      if ((a === null || a === '') !== (b === null || b === '')) return a === null || a === '' ? 1 : -1;
      return order.get(x.id)! - order.get(y.id)!;
    }
    let c = col.key === 'city' ? cityIndex(a as string) - cityIndex(b as string) : typeof a === 'number' ? a - (b as number) : collator.compare(a, b as string);
    if (desc) c = -c;
    return c !== 0 ? c : order.get(x.id)! - order.get(y.id)!;
  });
}

function rankingView(): void {
  const cols = rankingColumns();
  const citySelect = h('select', { id: 'filter-city', 'aria-label': L.city }, h('option', { value: '' }, `${L.city}：${L.all}`));
  for (const c of R.cities) if (c.name) citySelect.append(h('option', { value: c.name }, c.name));
  const statusSelect = h('select', { id: 'filter-status', 'aria-label': L.status }, h('option', { value: '' }, `${L.status}：${L.all}`));
  for (const s of ['qualified', 'flagged', 'rejected']) statusSelect.append(h('option', { value: s }, P.words[s]));
  const search = h('input', { id: 'search', type: 'search', placeholder: L.search, size: '28' }) as HTMLInputElement;
  (citySelect as HTMLSelectElement).value = state.city;
  (statusSelect as HTMLSelectElement).value = state.status;
  search.value = state.q;
  const count = h('span', { id: 'count', class: 'muted' });
  const thead = h('tr');
  const tbody = h('tbody');
  const table = h('table', { id: 'ranking' }, h('thead', null, thead), tbody);

  const draw = () => {
    thead.replaceChildren(
      ...cols.map((c) => {
        const arrow = state.sort === c.key ? (state.desc ? ' ▼' : ' ▲') : '';
        const th = h('th', { class: `sort${c.num ? ' num' : ''}`, 'data-key': c.key, 'aria-sort': state.sort === c.key ? (state.desc ? 'descending' : 'ascending') : undefined }, c.label + arrow);
        th.addEventListener('click', () => {
          if (state.sort === c.key) state.desc = !state.desc;
          else {
            state.sort = c.key;
            // Scores read best first; ranks, names and cities from the top.
            state.desc = Boolean(c.num) && !['rank', 'cityRank', 'recommended'].includes(c.key);
          }
          draw();
        });
        return th;
      }),
    );
    const q = state.q.trim().toLowerCase();
    const rows = R.applicants.filter(
      (a) =>
        (!state.city || a.city === state.city) &&
        (!state.status || a.status === state.status) &&
        (!q || a.name.toLowerCase().includes(q) || (a.creditCode ?? '').toLowerCase().includes(q)),
    );
    const col = cols.find((c) => c.key === state.sort) ?? cols[0]!;
    const frag = document.createDocumentFragment();
    for (const a of sortRows(rows, col, state.desc)) {
      const tr = h('tr', { 'data-id': a.id });
      for (const c of cols) tr.append(c.cell ? c.cell(a) : h('td', c.num ? { class: 'num' } : null, shownValue(c, a)));
      frag.append(tr);
    }
    tbody.replaceChildren(frag);
    count.textContent = fmt(L.shown, { n: rows.length, all: R.applicants.length });
  };
  citySelect.addEventListener('change', () => {
    state.city = (citySelect as HTMLSelectElement).value;
    draw();
  });
  statusSelect.addEventListener('change', () => {
    state.status = (statusSelect as HTMLSelectElement).value;
    draw();
  });
  search.addEventListener('input', () => {
    state.q = search.value;
    draw();
  });
  draw();
  setView(L.nav.ranking!, h('div', { class: 'bar' }, citySelect, statusSelect, search, count), table);
}

// ---------------------------------------------------------------- findings

function findingsTable(list: Fnd[], extras: Extra[] | undefined, withWho = false): HTMLElement {
  if (list.length === 0) return h('p', { class: 'muted' }, L.noFindings);
  const head = h('tr', null, h('th', null, L.severity), withWho ? h('th', null, L.name) : null, h('th', null, L.place), h('th', null, L.message), h('th', null, L.fix));
  const body = list.map((f, i) => {
    const x = extras?.[i];
    const who = withWho && f.applicant ? byId.get(f.applicant) : undefined;
    return h(
      'tr',
      { 'data-code': f.code },
      h('td', { class: f.severity }, P.words[f.severity]),
      withWho ? h('td', null, who ? appLink(who) : (f.city ?? '')) : null,
      h('td', { class: 'small' }, f.place ?? ''),
      h('td', null, h('span', f.waived ? { class: 'waived' } : null, f.message[P.lang] ?? ''), x?.waived ? h('div', { class: 'small' }, x.waived) : null, h('div', { class: 'small muted' }, f.code)),
      h('td', null, x?.fix ?? ''),
    );
  });
  return h('table', { class: 'findings' }, h('thead', null, head), h('tbody', null, ...body));
}

// ---------------------------------------------------------------- a city

function cityView(name: string): void {
  const city = R.cities.find((c) => c.name === name);
  if (!city) return rankingView();
  const apps = city.applicants.map((id) => byId.get(id)!).filter(Boolean);
  const rows = [...apps].sort((x, y) => (x.cityRecommendedRank ?? Infinity) - (y.cityRecommendedRank ?? Infinity) || (x.cityRank ?? Infinity) - (y.cityRank ?? Infinity));
  const head = h('tr', null, ...[L.recommended, L.computed, L.difference, L.rank, L.name, L.district, L.status, L.total].map((t) => h('th', null, t)));
  const body = rows.map((a) => {
    const d = a.cityRecommendedRank !== null && a.cityRank !== null ? a.cityRank - a.cityRecommendedRank : null;
    return h(
      'tr',
      { 'data-id': a.id },
      h('td', { class: 'num' }, int(a.cityRecommendedRank)),
      h('td', { class: 'num' }, int(a.cityRank)),
      h('td', { class: `num${d !== null && Math.abs(d) >= 3 ? ' diff' : ''}` }, d === null ? '—' : d > 0 ? `+${d}` : String(d)),
      h('td', { class: 'num' }, int(a.provinceRank)),
      h('td', null, appLink(a)),
      h('td', null, a.district ?? ''),
      statusCell(a),
      h('td', { class: 'num' }, a.status === 'rejected' ? '—' : num(a.total)),
    );
  });
  const own = R.findings.map((f, i) => [f, P.cityFindingExtras[i]!] as const).filter(([f]) => f.city === name);
  setView(
    `${name}（${apps.length} ${L.applicants}）`,
    city.a3 ? h('p', null, `${L.recommended}：`, fileLink(city.a3.file)) : null,
    h('table', { id: 'city-table' }, h('thead', null, head), h('tbody', null, ...body)),
    h('h3', null, L.cityFindings),
    findingsTable(own.map(([f]) => f), own.map(([, x]) => x)),
  );
}

function citiesView(): void {
  const list = h(
    'table',
    null,
    h('thead', null, h('tr', null, h('th', null, L.city), h('th', { class: 'num' }, L.applicants), ...['qualified', 'flagged', 'rejected'].map((s) => h('th', { class: 'num' }, P.words[s])))),
    h(
      'tbody',
      null,
      ...R.cities
        .filter((c) => c.name)
        .map((c) => {
          const apps = c.applicants.map((id) => byId.get(id)!).filter(Boolean);
          const link = go(`#/city/${encodeURIComponent(c.name)}`);
          link.textContent = c.name;
          return h('tr', null, h('td', null, link), h('td', { class: 'num' }, apps.length), ...['qualified', 'flagged', 'rejected'].map((s) => h('td', { class: 'num' }, apps.filter((a) => a.status === s).length)));
        }),
    ),
  );
  setView(L.nav.cities!, list);
}

// ---------------------------------------------------------------- an applicant

function srcText(s: Src, label?: string): HTMLElement {
  const where = `${s.sheet ? `${s.sheet}!` : ''}${s.cell ?? ''}`;
  const q = P.lang === 'zh' ? `「${s.raw}」` : `“${s.raw}”`;
  const span = h('span', { class: 'src', 'data-cell': s.cell ?? '', 'data-raw': s.raw }, label ? `${label} ` : '', fileLink(s.file, where || s.file.slice(s.file.lastIndexOf('/') + 1)), q, s.unit ? ` (${s.unit})` : '');
  if (s.decision) span.append(h('div', { class: 'small' }, fmt(L.decisionChanged, { file: s.decision.file, row: s.decision.row, before: s.decision.before === null ? '—' : s.decision.before })));
  return h('div', null, span);
}

function sourceCells(ind: Ind, name: (k: string) => string): [HTMLElement, HTMLElement] {
  const s = ind.sources;
  const n = h('td', { class: 'n-src' });
  const m = h('td', { class: 'm-src' });
  if (s.n) n.append(srcText(s.n));
  if (s.m) m.append(srcText(s.m));
  for (const [k, v] of Object.entries(s.server ?? {})) if (v) (k.startsWith('cloud') ? n : m).append(srcText(v, P.serverParts[k]));
  for (const [k, v] of Object.entries(s.ticks ?? {})) if (v) n.append(srcText(v, k));
  if (s.mSumOf) m.append(h('div', { class: 'small' }, fmt(L.mSum, { names: s.mSumOf.map(name).join(P.lang === 'zh' ? '、' : ', ') })));
  if (s.mFromRules) m.append(h('div', { class: 'small' }, L.mRules));
  if (!n.firstChild) n.append(h('span', { class: 'muted' }, L.noSource));
  if (!m.firstChild) m.append(h('span', { class: 'muted' }, L.noSource));
  return [n, m];
}

function evidenceSection(a: App): HTMLElement[] {
  const ev = P.evidence[a.id];
  const inFolder = (p: string, text?: string) => fileLink(`${a.id ? `${a.id}/` : ''}${p}`, text ?? p);
  const out: HTMLElement[] = [h('h3', null, L.evidence)];
  out.push(h('p', { class: 'note', id: 'links-note' }, linkNote()));
  const forms = (['a1', 'a2', 'systems', 'products'] as const).map((k) => a.received[k]).filter((f): f is Form => f !== null);
  const formItems = forms.map((f) => h('li', null, fileLink(f.file, f.file.slice(f.file.lastIndexOf('/') + 1)), h('span', { class: 'muted' }, ` · ${f.sheet} · ${f.format}`)));
  if (a.received.license) formItems.push(h('li', null, `${L.license}：`, inFolder(a.received.license)));
  out.push(h('h3', null, L.forms), h('ul', null, ...formItems));
  if (!ev) return out;
  const linked = (x: Linked | null) => (x === null ? '' : x.path ? inFolder(x.path, x.typed) : h('span', null, x.typed, h('span', { class: 'error' }, L.notFound)));
  const names = new Map(P.rules.indicators.map((i) => [i.key, i.name]));
  if (ev.systems.length > 0)
    out.push(
      h('h3', null, L.systems),
      h(
        'table',
        { id: 'systems' },
        h('thead', null, h('tr', null, ...[L.decisionRow, L.indicator, L.name, L.login, L.main].map((t) => h('th', null, t)))),
        h('tbody', null, ...ev.systems.map((s) => h('tr', null, h('td', { class: 'num' }, s.row), h('td', null, s.indicator ? (names.get(s.indicator) ?? s.indicator) : ''), h('td', null, s.name ?? ''), h('td', null, linked(s.login)), h('td', null, linked(s.main))))),
      ),
    );
  if (ev.products.length > 0)
    out.push(
      h('h3', null, L.products),
      h(
        'table',
        null,
        h('thead', null, h('tr', null, ...[L.decisionRow, L.name, L.contract, L.invoice].map((t) => h('th', null, t)))),
        h('tbody', null, ...ev.products.map((p) => h('tr', null, h('td', { class: 'num' }, p.row), h('td', null, p.name ?? ''), h('td', null, linked(p.contract)), h('td', null, linked(p.invoice))))),
      ),
    );
  if (ev.files.length > 0) out.push(h('h3', null, `${L.allEvidence}（${ev.files.length}）`), h('ul', { class: 'files' }, ...ev.files.map((f) => h('li', null, inFolder(f)))));
  return out;
}

function applicantView(id: string): void {
  const a = byId.get(id);
  if (!a) return rankingView();
  const names = new Map(P.rules.indicators.map((i) => [i.key, i.name]));
  const name = (k: string) => names.get(k) ?? k;
  const rejected = a.status === 'rejected';
  const facts = h('div', { class: 'facts' });
  const fact = (k: string, v: Child) => facts.append(h('div', { class: 'muted' }, k), h('div', null, v));
  fact(L.status, h('span', { class: a.status, id: 'status' }, P.words[a.status]));
  fact(L.city, `${a.city}${a.district ? ` · ${a.district}` : ''}`);
  fact(L.creditCode, a.creditCode ?? '—');
  if (!rejected) {
    fact(L.rank, h('span', { id: 'province-rank' }, int(a.provinceRank)));
    fact(L.cityRank, `${int(a.cityRank)}${a.cityRecommendedRank !== null ? `（${L.recommended} ${a.cityRecommendedRank}）` : ''}`);
    fact(L.total, h('b', { id: 'total' }, `${num(a.total)} / ${a.maxTotal}`));
    fact(`${L.selfTotal} / ${L.horizontalTotal} / ${L.indicatorTotal}`, `${num(a.selfTotal)} / ${num(a.horizontalTotal)} / ${num(a.indicatorTotal)}`);
    fact(L.expertTotal, a.expertTotal === null ? P.words.pendingExpert : num(a.expertTotal));
  } else {
    const why = a.findings.filter((f) => a.rejectedBy.includes(f.code)).map((f) => f.message[P.lang]);
    fact(L.rejectedWhy, why.join(P.lang === 'zh' ? '；' : '; '));
  }
  for (const [k, v] of Object.entries(a.identity))
    if (v !== null && v !== '') fact(P.identity.labels[k] ?? k, P.identity.money.includes(k) ? `${v} ${P.identity.wan}` : String(v));

  const head = h('tr', null, ...[L.indicator, 'N', L.sourceN, 'M', L.sourceM, L.selfScore, L.hRank, L.grade, L.hScore, L.score, L.verified].map((t) => h('th', null, t)));
  const rows = P.rules.indicators
    .filter((i) => a.indicators[i.key])
    .map((i) => {
      const ind = a.indicators[i.key]!;
      const [nSrc, mSrc] = sourceCells(ind, name);
      return h(
        'tr',
        { 'data-key': i.key, class: ind.verified ? undefined : 'unverified' },
        h('td', null, i.name, h('div', { class: 'small muted' }, `${i.dimension} · ${i.weight}`)),
        h('td', { class: 'num n' }, ind.n === null ? '—' : String(ind.n)),
        nSrc,
        h('td', { class: 'num m' }, ind.m === null ? '—' : String(ind.m)),
        mSrc,
        h('td', { class: 'num self' }, num(ind.selfScore)),
        h('td', { class: 'num rank' }, ind.rank === null ? '—' : `${ind.rank}/${ind.rankedCount}`),
        h('td', { class: 'grade' }, ind.grade ?? '—'),
        h('td', { class: 'num hscore' }, num(ind.horizontalScore)),
        h('td', { class: 'num score' }, num(ind.score)),
        h('td', { class: ind.verified ? undefined : 'rejected' }, ind.verified ? L.yes : L.no),
      );
    });

  const experts: HTMLElement[] = [h('h3', null, L.experts)];
  if (a.expert) {
    experts.push(
      h(
        'table',
        { id: 'experts' },
        h('thead', null, h('tr', null, h('th', null, L.expertItem), h('th', null, L.group), h('th', { class: 'num' }, L.max), h('th', { class: 'num' }, L.mean))),
        h('tbody', null, ...P.rules.experts.map((e) => h('tr', { 'data-key': e.key }, h('td', null, e.name), h('td', null, e.group), h('td', { class: 'num' }, num(e.max)), h('td', { class: 'num' }, num(a.expert!.items[e.key] ?? null))))),
      ),
      h('p', { class: 'small muted' }, fmt(L.expertCount, { n: a.expert.experts }), a.expert.recused.length ? `；${fmt(L.recused, { names: a.expert.recused.join('、') })}` : ''),
    );
  } else experts.push(h('p', { class: 'muted' }, P.words.pendingExpert));

  const decisions = R.decisions.map((d, i) => [d, P.decisions.rows[i]!] as const).filter(([d]) => d.applicant === a.id);
  const decisionPart: HTMLElement[] = [];
  if (decisions.length > 0) decisionPart.push(h('h3', null, L.decisions), decisionsTable(decisions));

  const back = go('#/');
  back.textContent = `← ${L.back}`;
  setView(
    a.name,
    h('p', null, back),
    facts,
    h('h3', null, L.indicators),
    h('table', { id: 'indicators' }, h('thead', null, head), h('tbody', null, ...rows)),
    ...experts,
    h('h3', null, L.findings),
    findingsTable(a.findings, P.findingExtras[a.id]),
    ...decisionPart,
    ...evidenceSection(a),
  );
}

function decisionsTable(list: (readonly [Decision, { kind: string; outcome: string }])[]): HTMLElement {
  return h(
    'table',
    { class: 'decisions' },
    h('thead', null, h('tr', null, ...[L.decisionRow, L.decisionKind, L.name, L.decisionTarget, L.decisionReason, L.decisionResult].map((t) => h('th', null, t)))),
    h(
      'tbody',
      null,
      ...list.map(([d, x]) =>
        h('tr', null, h('td', { class: 'num' }, d.row), h('td', null, x.kind), h('td', null, d.enterprise), h('td', null, d.target), h('td', null, d.reason), h('td', null, `${P.words[d.applied ? 'applied' : 'refused']}：${x.outcome}`)),
      ),
    ),
  );
}

// ---------------------------------------------------------------- rules and review lists

function rulesView(): void {
  const r = P.rules;
  const indicators = h(
    'table',
    null,
    h('thead', null, h('tr', null, ...[L.indicator, L.dimension, L.weight, L.unit, L.nMeaning].map((t) => h('th', null, t)))),
    h('tbody', null, ...r.indicators.map((i) => h('tr', null, h('td', null, i.name), h('td', null, i.dimension), h('td', { class: 'num' }, i.weight), h('td', null, i.unit), h('td', null, `N：${i.n}；M：${i.m}`)))),
  );
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const bands = h(
    'table',
    { id: 'bands' },
    h('thead', null, h('tr', null, h('th', null, L.grade), h('th', { class: 'num' }, L.share), h('th', { class: 'num' }, L.factor))),
    h('tbody', null, ...r.bands.map((b) => h('tr', null, h('td', null, b.grade), h('td', { class: 'num' }, `${pct(b.share)} (r ≤ ⌈${b.share} × n⌉)`), h('td', { class: 'num' }, pct(b.factor))))),
  );
  const experts = h(
    'table',
    null,
    h('thead', null, h('tr', null, h('th', null, L.expertItem), h('th', null, L.group), h('th', { class: 'num' }, L.max))),
    h('tbody', null, ...r.experts.map((e) => h('tr', null, h('td', null, e.name), h('td', null, e.group), h('td', { class: 'num' }, e.max)))),
  );
  setView(
    L.rulesTitle,
    h('p', null, r.title, h('br'), h('span', { class: 'muted small' }, r.source)),
    h('p', null, fmt(L.combination, { self: r.combination.self, horizontal: r.combination.horizontal }), h('br'), (L.rankBy as Dict)[r.rankBy] ?? r.rankBy),
    h('h3', null, L.indicators),
    indicators,
    h('h3', null, L.band),
    bands,
    r.note ? h('p', { class: 'small muted' }, r.note) : null,
    h('h3', null, L.experts),
    experts,
  );
}

function reviewView(): void {
  const parts: Child[] = [];
  if (R.decisions.length > 0) parts.push(h('h3', null, P.decisions.title), decisionsTable(R.decisions.map((d, i) => [d, P.decisions.rows[i]!] as const)));
  parts.push(h('h3', null, L.provinceFindings), findingsTable(R.findings, P.cityFindingExtras, true));
  if (R.panelReview.length > 0) {
    parts.push(
      h('h3', null, L.panelReview),
      findingsTable(
        R.panelReview,
        P.panelReview.map((x) => ({ fix: x.fix, waived: '' })),
        true,
      ),
    );
  }
  setView(L.nav.review!, ...parts);
}

// ---------------------------------------------------------------- links to the input tree

function linkNote(): string {
  if (linkState === 'ok') return fmt(L.linksOk, { base: base ?? '', name: P.links.name });
  if (linkState === 'unreachable') return fmt(L.linksUnreachable, { name: P.links.name });
  return fmt(L.linksUnknown, { name: P.links.name });
}

function loads(src: string): Promise<boolean> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(true);
    img.onerror = () => resolve(false);
    img.src = src;
  });
}

/** Tries one evidence image under each place the input tree may be, beside the page or where it was written. */
async function findInputTree(): Promise<void> {
  const probe = Object.entries(P.evidence).find(([, e]) => e.images.length > 0);
  if (!probe) return;
  const rel = `${probe[0] ? `${probe[0]}/` : ''}${probe[1].images[0]}`.split('/').map(encodeURIComponent).join('/');
  const candidates = [...new Set([P.links.fromOutput, `${P.links.name}/`, `../${P.links.name}/`, './'].filter((c): c is string => c !== null))];
  for (const c of candidates) {
    if (await loads(c + rel)) {
      base = c;
      linkState = 'ok';
      return;
    }
  }
  linkState = 'unreachable';
}

// ---------------------------------------------------------------- start

function route(): void {
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  window.scrollTo(0, 0);
  if (hash.startsWith('a/')) applicantView(hash.slice(2));
  else if (hash.startsWith('city/')) cityView(hash.slice(5));
  else if (hash === 'cities') citiesView();
  else if (hash === 'rules') rulesView();
  else if (hash === 'review') reviewView();
  else rankingView();
}

async function load(): Promise<{ result: Result; page: Page }> {
  const text = document.getElementById('yunshang-data')!.textContent!.trim();
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  return JSON.parse(await new Response(stream).text()) as { result: Result; page: Page };
}

async function start(): Promise<void> {
  if (typeof DecompressionStream === 'undefined') {
    document.getElementById('loading')!.hidden = true;
    document.getElementById('too-old')!.hidden = false;
    return;
  }
  const data = await load();
  R = data.result;
  P = data.page;
  L = P.labels;
  for (const a of R.applicants) byId.set(a.id, a);
  const nav = document.getElementById('nav')!;
  for (const [hash, key] of [
    ['#/', 'ranking'],
    ['#/cities', 'cities'],
    ['#/rules', 'rules'],
    ['#/review', 'review'],
  ] as const) {
    const a = go(hash);
    a.textContent = L.nav[key];
    nav.append(a);
  }
  window.addEventListener('hashchange', route);
  route();
  document.documentElement.setAttribute('data-ready', String(Math.round(performance.now())));
  await findInputTree();
  const note = document.getElementById('links-note');
  if (note) note.textContent = linkNote();
  // Links drawn before the tree was found point at the first guess: draw the view again with the place found.
  if (base !== null && location.hash.startsWith('#/a/')) route();
  document.documentElement.setAttribute('data-links', linkState);
}

start().catch((e: unknown) => {
  const p = document.getElementById('loading') ?? document.getElementById('main')!;
  p.textContent = String(e instanceof Error ? e.message : e);
});

export {};
