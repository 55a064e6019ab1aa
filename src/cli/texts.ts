/**
 * Every word the command line itself prints (help, option descriptions, usage errors), in both
 * languages: Chinese by default, English with `--lang en` or an English locale (LANG=en_US…).
 * Commander's own English is replaced here, so a clerk never meets a sentence in the wrong language.
 */
import type { Lang } from '../model/lang.js';

export interface CliTexts {
  program: string;
  titles: Record<'Usage:' | 'Arguments:' | 'Options:' | 'Commands:' | 'Global Options:', string>;
  usageWords: { options: string; command: string };
  help: string;
  helpCommand: string;
  helpCommandArg: string;
  version: string;
  default: (value: string) => string;
  choices: (values: readonly string[]) => string;
  extras: (parts: string[]) => string;
  examples: string;
  force: string;
  /** The line after every usage error. */
  seeHelp: (command: string) => string;
  errors: {
    unknownOption: (flag: string) => string;
    unknownCommand: (name: string) => string;
    didYouMean: (names: string) => string;
    missingArgument: (name: string) => string;
    optionMissingArgument: (flags: string) => string;
    invalidValue: (flags: string, value: string, why: string) => string;
    allowedChoices: (choices: string) => string;
    conflicting: (a: string, b: string) => string;
    excessArguments: (command: string, expected: number, got: number) => string;
    positiveInteger: string;
    number: string;
  };
  score: {
    description: string;
    dir: string;
    out: string;
    rules: string;
    expertScores: string;
    decisions: string;
    normalize: string;
    select: string;
    threshold: string;
    lang: string;
    noPdf: string;
    noHtml: string;
    font: string;
    timestamp: string;
    format: string;
    quiet: string;
  };
  validate: { description: string; dir: string; format: string; failOn: string; annotate: string; decisions: string };
  template: { description: string; out: string };
  draftA3: { description: string; cityDir: string; out: string };
  examplesText: Record<'program' | 'score' | 'validate', string[]>;
}

export const CLI_TEXTS: Record<Lang, CliTexts> = {
  zh: {
    program: '浙江省制造业「云上企业」申报材料校验、评分与评审报告',
    titles: { 'Usage:': '用法：', 'Arguments:': '参数：', 'Options:': '选项：', 'Commands:': '命令：', 'Global Options:': '全局选项：' },
    usageWords: { options: '[选项]', command: '[命令]' },
    help: '显示帮助',
    helpCommand: '显示某个命令的帮助',
    helpCommandArg: '[命令]',
    version: '显示版本号',
    default: (v) => `默认：${v}`,
    choices: (vs) => `可选：${vs.join('、')}`,
    extras: (parts) => `（${parts.join('；')}）`,
    examples: '示例：',
    force: '覆盖已存在的同名文件',
    seeHelp: (command) => `运行 ${command} --help 查看用法`,
    errors: {
      unknownOption: (flag) => `未知选项 ${flag}`,
      unknownCommand: (name) => `未知命令 ${name}`,
      didYouMean: (names) => `（是否要用 ${names}？）`,
      missingArgument: (name) => `缺少参数 <${name}>`,
      optionMissingArgument: (flags) => `选项 ${flags} 缺少取值`,
      invalidValue: (flags, value, why) => `选项 ${flags} 的取值「${value}」无效：${why}`,
      allowedChoices: (choices) => `可选 ${choices}`,
      conflicting: (a, b) => `选项 ${a} 与 ${b} 只能二选一`,
      excessArguments: (command, expected, got) => `${command} 只需要 ${expected} 个参数，收到 ${got} 个`,
      positiveInteger: '需要正整数',
      number: '需要数字',
    },
    score: {
      description: '校验、评分、全省排名，输出 results.json、评审结果.xlsx、评审结果.html 和 评审报告.pdf',
      dir: '全省根目录、某市文件夹或某企业文件夹（也可为 .zip）',
      out: '输出目录（默认：./out；它在输入目录之内时改为输入目录旁的「<输入目录名>-评审结果」）',
      rules: '评分规则文件（默认：内置的 zj-2021-batch1）',
      expertScores: '专家评分表（CSV 或 XLSX）',
      decisions: '人工复核记录表（CSV 或 XLSX）：豁免问题、更正数值、终止申报、恢复受理，在评分排名前执行',
      normalize: '专家分标准化',
      select: '初选名单：按总分取前 N 名',
      threshold: '初选名单：总分不低于此分数',
      lang: '报告和提示的语言',
      noPdf: '不生成 PDF',
      noHtml: '不生成 评审结果.html（评审会用的单页网页）',
      font: 'PDF 使用的中文字体（TTF/OTF；TTC 用 FILE#字体名）',
      timestamp: '在 PDF 中写入当前时间（默认不写，两次输出完全相同）',
      format: '控制台摘要格式',
      quiet: '不显示进度',
    },
    validate: {
      description: '只校验申报材料（市经信局报送前自查）；有问题时退出码为 1',
      dir: '全省根目录、某市文件夹或某企业文件夹',
      format: '输出格式',
      failOn: '达到此级别的问题时退出码为 1',
      annotate: '输出标注了问题单元格的工作簿副本（退回企业修改用）',
      decisions: '人工复核记录表（CSV 或 XLSX）：显示各条复核决定会改变什么',
    },
    template: { description: '生成空白表格：附件1、附件2、附件3、系统清单、云计算产品和服务清单、专家评分表、人工复核记录表', out: '输出目录（默认：当前目录）' },
    draftA3: {
      description: '用各企业附件1预填本市推荐排序表（附件3），按计算的市内排名排序',
      cityDir: '某市文件夹',
      out: '输出文件（默认：当前目录下的 <市>-推荐排序表-草稿.xlsx）',
    },
    examplesText: {
      program: ['yunshang score ./申报材料 --expert-scores 专家评分表.xlsx', 'yunshang validate ./杭州市', 'yunshang template --out ./空白表格'],
      score: ['yunshang score ./申报材料', 'yunshang score ./申报材料 --expert-scores 专家评分表.xlsx --select 100 --out ./评审结果'],
      validate: ['yunshang validate ./杭州市', 'yunshang validate ./杭州市 --annotate ./退回材料'],
    },
  },
  en: {
    program: "Check, score and report on Zhejiang's manufacturing 「云上企业」 (cloud enterprise) applications",
    titles: { 'Usage:': 'Usage:', 'Arguments:': 'Arguments:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Global Options:': 'Global options:' },
    usageWords: { options: '[options]', command: '[command]' },
    help: 'show this help',
    helpCommand: 'show the help of a command',
    helpCommandArg: '[command]',
    version: 'show the version',
    default: (v) => `default: ${v}`,
    choices: (vs) => `choices: ${vs.join(', ')}`,
    extras: (parts) => ` (${parts.join('; ')})`,
    examples: 'Examples:',
    force: 'overwrite files of the same name',
    seeHelp: (command) => `Run ${command} --help for usage`,
    errors: {
      unknownOption: (flag) => `unknown option ${flag}`,
      unknownCommand: (name) => `unknown command ${name}`,
      didYouMean: (names) => ` (did you mean ${names}?)`,
      missingArgument: (name) => `missing argument <${name}>`,
      optionMissingArgument: (flags) => `option ${flags} needs a value`,
      invalidValue: (flags, value, why) => `option ${flags}: "${value}" is not valid: ${why}`,
      allowedChoices: (choices) => `choose ${choices}`,
      conflicting: (a, b) => `options ${a} and ${b} cannot be used together`,
      excessArguments: (command, expected, got) => `${command} takes ${expected} argument${expected === 1 ? '' : 's'}, got ${got}`,
      positiveInteger: 'a positive whole number is needed',
      number: 'a number is needed',
    },
    score: {
      description: 'check, score and rank province-wide; write results.json, the XLSX, the HTML page and the PDF reports',
      dir: 'the province root, a city folder or an applicant folder (or a .zip)',
      out: 'output folder (default: ./out; when that lies inside the input, 「<input folder>-评审结果」 beside the input)',
      rules: 'rules file (default: the built-in zj-2021-batch1)',
      expertScores: "the expert panel's sheet (CSV or XLSX)",
      decisions: "the clerk's review decisions sheet (CSV or XLSX): waive, correct, terminate, reinstate; applied before ranking",
      normalize: 'normalise expert scores',
      select: 'shortlist: the top N by total',
      threshold: 'shortlist: every applicant with at least this total',
      lang: 'language of reports and messages',
      noPdf: 'write no PDF',
      noHtml: 'write no review-results.html (the one-page view for the review meeting)',
      font: 'CJK font for the PDF (TTF/OTF; for a TTC, FILE#face)',
      timestamp: 'write the current time into the PDF (off: two runs give identical files)',
      format: 'console summary format',
      quiet: 'show no progress',
    },
    validate: {
      description: 'check the packs only (a city before sending); exit 1 when problems are found',
      dir: 'the province root, a city folder or an applicant folder',
      format: 'output format',
      failOn: 'exit 1 when problems of this severity or above are found',
      annotate: 'write copies of the workbooks with the problem cells marked (to send back)',
      decisions: "the clerk's review decisions sheet (CSV or XLSX): show what each decision would change",
    },
    template: { description: 'write the blank forms: attachments 1–3, system list, cloud products list, expert sheet, review decisions sheet', out: 'output folder (default: the current folder)' },
    draftA3: {
      description: "pre-fill the city's ranking table (attachment 3) from its packs, in computed order",
      cityDir: 'a city folder',
      out: 'output file (default: <city>-推荐排序表-草稿.xlsx in the current folder)',
    },
    examplesText: {
      program: ['yunshang score ./submissions --expert-scores experts.xlsx --lang en', 'yunshang validate ./杭州市 --lang en', 'yunshang template --out ./forms'],
      score: ['yunshang score ./submissions --lang en', 'yunshang score ./submissions --expert-scores experts.xlsx --select 100 --out ./results --lang en'],
      validate: ['yunshang validate ./杭州市 --lang en', 'yunshang validate ./杭州市 --annotate ./returned --lang en'],
    },
  },
};

/**
 * The language of the command line's own words: `--lang` when given, else English when the locale
 * is English (LC_ALL, LC_MESSAGES, LANG, in that order), else Chinese.
 */
export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v === 'en' || v === 'zh') return v;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.@-]|$)/i.test(locale) ? 'en' : 'zh';
}
