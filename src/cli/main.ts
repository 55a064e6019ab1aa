/**
 * The CLI only wires options to the core. One top-level catch maps typed errors to exit codes:
 * 0 done, 1 findings at or above --fail-on (validate), 2 usage or I/O error, 3 the tool itself failed
 * (a bug: a script can tell it from a bad input and report it rather than retry).
 */
import { Command, CommanderError, Option } from 'commander';
import { IoError, UsageError } from '../util/errors.js';
import { runScore } from './commands/score.js';
import { runValidate } from './commands/validate.js';
import { runTemplate } from './commands/template.js';
import { runDraftA3 } from './commands/draftA3.js';

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

function parsePositiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`需要正整数：${v}`);
  return n;
}
function parseNumber(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`需要数字：${v}`);
  return n;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('yunshang')
    .description('浙江省制造业「云上企业」申报材料校验、评分与评审报告')
    .exitOverride()
    .showHelpAfterError();

  const lang = () => new Option('--lang <lang>', '报告和提示的语言 / language').choices(['zh', 'en']).default('zh');
  const rules = () => new Option('--rules <file>', '评分规则文件（默认 zj-2021-batch1）');

  program
    .command('score')
    .description('校验、评分、全省排名，输出 results.json、评审结果.xlsx 和 评审报告.pdf')
    .argument('<dir>', '全省根目录、某市文件夹或某企业文件夹（也可为 .zip）')
    .option('--out <dir>', '输出目录', 'out')
    .addOption(rules())
    .option('--expert-scores <file>', '专家评分表（CSV 或 XLSX）')
    .addOption(new Option('--normalize <method>', '专家分标准化').choices(['none', 'zscore']).default('none'))
    .option('--select <n>', '初选名单：按总分取前 N 名', parsePositiveInt)
    .option('--threshold <score>', '初选名单：总分不低于此分数', parseNumber)
    .addOption(lang())
    .option('--no-pdf', '不生成 PDF')
    .option('--font <file>', 'PDF 使用的中文字体（TTF/OTF；TTC 用 FILE#字体名）')
    .option('--timestamp', '在 PDF 中写入当前时间（默认不写，保证两次输出完全相同）')
    .addOption(new Option('--format <format>', '控制台摘要格式').choices(['text', 'json']).default('text'))
    .option('--quiet', '不显示进度')
    .action(async (dir: string, o) => setExit(await runScore(dir, o)));

  program
    .command('validate')
    .description('只校验申报材料（市经信局报送前自查），按问题退出码 0/1')
    .argument('<dir>', '全省根目录、某市文件夹或某企业文件夹')
    .addOption(rules())
    .addOption(new Option('--format <format>', '输出格式').choices(['text', 'json', 'junit', 'github']).default('text'))
    .addOption(new Option('--fail-on <severity>', '达到此级别的问题时退出码为 1').choices(['error', 'warning']).default('error'))
    .option('--annotate <dir>', '输出标注了问题单元格的工作簿副本（退回企业修改用）')
    .addOption(lang())
    .option('--quiet', '不显示进度')
    .action(async (dir: string, o) => setExit(await runValidate(dir, o)));

  program
    .command('template')
    .description('生成空白表格：附件1、附件2、附件3、系统清单、云计算产品和服务清单、专家评分表')
    .option('--out <dir>', '输出目录', 'forms')
    .addOption(rules())
    .action(async (o) => setExit(await runTemplate(o)));

  program
    .command('draft-a3')
    .description('按计算的市内排名，用各企业附件1预填本市推荐排序表（附件3）')
    .argument('<cityDir>', '某市文件夹')
    .option('--out <file>', '输出文件（默认为当前文件夹下的 <市>-推荐排序表-草稿.xlsx）')
    .addOption(rules())
    .option('--quiet', '不显示进度')
    .action(async (dir: string, o) => setExit(await runDraftA3(dir, o)));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exit: number = EXIT.ok;
  const program = buildProgram((c) => {
    exit = c;
  });
  try {
    await program.parseAsync(argv);
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError || e instanceof IoError) {
      process.stderr.write(`yunshang: ${e.message}\n`);
      return EXIT.usage;
    }
    // A stack trace helps a developer, not a clerk: only on request.
    const stack = process.env.YUNSHANG_DEBUG ? `\n${(e as Error).stack ?? ''}` : '';
    process.stderr.write(`yunshang: 内部错误：${(e as Error).message}${stack}\n`);
    return EXIT.internal;
  }
}
