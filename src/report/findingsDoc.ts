/**
 * docs/findings.md: every finding code the tool can report, generated from the catalogue so the
 * documentation cannot drift from the code (a test compares the file on disk with this text).
 */
import { catalogue, type CatalogueEntry } from './catalogue.js';
import { checks } from '../validate/registry.js';

const SEVERITY: Record<CatalogueEntry['severity'], string> = {
  error: '错误 error',
  warning: '警告 warning',
  info: '提示 info',
};

const SOURCE_TITLE: Record<string, string> = {
  'ingest/files': '读取文件 · Reading files',
  'ingest/pack': '申报材料包 · Application packs',
  'ingest/forms': '读取表格 · Reading the forms',
  expert: '专家评分表（列入专家评分复核，不改变企业状态） · Expert score sheet (on the panel review list, never changing a status)',
  score: '评分 · Scoring',
  decisions: '人工复核记录表（未执行的复核决定；终止申报） · Review decisions sheet (decisions refused; terminations)',
};

/** Table cells hold one line and no bare pipe. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').trim();
}

function sourceTitle(source: string, descriptions: ReadonlyMap<string, string>): string {
  if (SOURCE_TITLE[source]) return SOURCE_TITLE[source];
  if (source.startsWith('check/')) {
    const id = source.slice('check/'.length);
    const d = descriptions.get(id);
    return d ? `校验 ${id} · ${d}` : `校验 ${id}`;
  }
  return source;
}

export function findingsReference(): string {
  const descriptions = new Map(checks.map((c) => [c.id, c.description]));
  const bySource = new Map<string, CatalogueEntry[]>();
  for (const e of catalogue.values()) {
    const list = bySource.get(e.source);
    if (list) list.push(e);
    else bySource.set(e.source, [e]);
  }
  const out: string[] = [
    '# 问题代码一览 · Finding codes',
    '',
    '<!-- 由 src/report/findingsDoc.ts 根据 src/report/catalogue.ts 生成（npm run docs），请勿手工修改。',
    '     Generated from the catalogue by `npm run docs`; do not edit by hand. -->',
    '',
    `共 ${catalogue.size} 个代码，按报告它们的环节分组。消息中的 \`{占位符}\` 在运行时替换为具体的值；` +
      '问题所在的文件、工作表和单元格另行给出，不写在消息里。',
    '',
    `${catalogue.size} codes, grouped by the part of the tool that reports them. \`{placeholders}\` are filled in at run time; ` +
      'the file, sheet and cell are given beside the message, not inside it.',
    '',
    '## 目录 · Contents',
    '',
  ];
  for (const [source, entries] of bySource) out.push(`- ${sourceTitle(source, descriptions)} (\`${source}\`, ${entries.length})`);
  out.push(
    '',
    '## 通知条款与校验 · The notice, clause by clause',
    '',
    '每项校验依据通知的哪一条（条款全文与本工具的做法见 docs/notice.md）。',
    'Which clause of the notice each check enforces (docs/notice.md quotes the clauses and what the tool does).',
    '',
    '| 通知依据 Notice | 校验 Check | 代码 Codes |',
    '|---|---|---|',
  );
  for (const c of checks) out.push(`| ${cell(c.notice)} | \`${c.id}\` | ${Object.keys(c.codes).map((k) => `\`${k}\``).join(' ')} |`);
  for (const [source, entries] of bySource) {
    out.push('', `## ${sourceTitle(source, descriptions)}`, '', `来源 · Source: \`${source}\``, '');
    const notice = source.startsWith('check/') ? checks.find((c) => `check/${c.id}` === source)?.notice : undefined;
    if (notice) out.push(`通知依据 · Notice: ${cell(notice)}`, '');
    out.push('| 代码 Code | 级别 Severity | 消息 | Message | 修改方法 · How to fix |');
    out.push('|---|---|---|---|---|');
    for (const e of entries) {
      out.push(`| \`${e.code}\` | ${SEVERITY[e.severity]} | ${cell(e.zh)} | ${cell(e.en)} | ${cell(e.fixZh)}<br>${cell(e.fixEn)} |`);
    }
  }
  return out.join('\n') + '\n';
}
