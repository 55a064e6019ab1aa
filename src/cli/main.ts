/**
 * The CLI only wires options to the core. One top-level catch maps typed errors to exit codes:
 * 0 done, 1 findings at or above --fail-on (validate), 2 usage or I/O error, 3 the tool itself failed
 * (a bug: a script can tell it from a bad input and report it rather than retry).
 *
 * The command line speaks the clerk's language: help, option descriptions, defaults and usage errors
 * come from `texts.ts` (Chinese, or English with `--lang en` or an English locale), never from
 * commander's English. A usage error is one line and a pointer to the command's --help.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, InvalidArgumentError, Option, type Argument } from 'commander';
import { IoError, UsageError } from '../util/errors.js';
import { runScore } from './commands/score.js';
import { runValidate } from './commands/validate.js';
import { runTemplate } from './commands/template.js';
import { runDraftA3 } from './commands/draftA3.js';
import { CLI_TEXTS, cliLang, type CliTexts } from './texts.js';

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

/** The package's version, read once from package.json two folders above this module (src/ or dist/). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** `yunshang score` for the score command: what a person types to reach it. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The long flag of `-o, --out <dir>`: what a person types. */
function flagOf(flags: string): string {
  return flags.split(/[\s,|]+/).find((f) => f.startsWith('--')) ?? flags.split(/[\s,|]+/)[0] ?? flags;
}

/**
 * Commander's error, said in the CLI's language. Commander words its errors in English with the
 * names quoted; each code's sentence is matched and said again. An error this does not know keeps
 * commander's wording rather than being lost.
 */
export function localiseError(message: string, code: string | undefined, command: string, t: CliTexts): string {
  const e = t.errors;
  const did = /\n\(Did you mean (?:one of )?(.+)\?\)\s*$/.exec(message);
  const suggestion = did ? e.didYouMean(did[1]!) : '';
  const m = (re: RegExp) => re.exec(message);
  switch (code) {
    case 'commander.unknownOption': {
      const x = m(/unknown option '([^']+)'/);
      if (x) return e.unknownOption(x[1]!) + suggestion;
      break;
    }
    case 'commander.unknownCommand': {
      const x = m(/unknown command '([^']+)'/);
      if (x) return e.unknownCommand(x[1]!) + suggestion;
      break;
    }
    case 'commander.missingArgument': {
      const x = m(/missing required argument '([^']+)'/);
      if (x) return e.missingArgument(x[1]!);
      break;
    }
    case 'commander.optionMissingArgument': {
      const x = m(/option '([^']+)' argument missing/);
      if (x) return e.optionMissingArgument(flagOf(x[1]!));
      break;
    }
    case 'commander.invalidArgument': {
      const x = m(/option '([^']+)' argument '([^']*)' is invalid\.\s*([\s\S]*)$/) ?? m(/command-argument value '([^']*)' is invalid for argument '([^']+)'\.\s*([\s\S]*)$/);
      if (!x) break;
      const choices = /Allowed choices are (.+)\.$/.exec(x[3]!.trim());
      const why = choices ? e.allowedChoices(choices[1]!.split(', ').join(t === CLI_TEXTS.zh ? '、' : ', ')) : x[3]!.trim();
      return message.includes('command-argument') ? e.invalidValue(`<${x[2]}>`, x[1]!, why) : e.invalidValue(flagOf(x[1]!), x[2]!, why);
    }
    case 'commander.conflictingOption': {
      const x = m(/option '([^']+)' cannot be used with option '([^']+)'/);
      if (x) return e.conflicting(flagOf(x[1]!), flagOf(x[2]!));
      break;
    }
    case 'commander.excessArguments': {
      const x = m(/Expected (\d+) arguments? but got (\d+)/);
      if (x) return e.excessArguments(command, Number(x[1]), Number(x[2]));
      break;
    }
  }
  return message.replace(/^error:\s*/, '');
}

/** Display width of a help line: a CJK character takes two columns, so the columns of the help line up. */
function helpWidth(s: string): number {
  // eslint-disable-next-line no-control-regex
  const plain = s.replace(/\u001b\[[0-9;]*m/g, '');
  let w = 0;
  for (const ch of plain) {
    const cp = ch.codePointAt(0)!;
    w += (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000 ? 2 : 1;
  }
  return w;
}

/** Closing punctuation a Chinese line must not start with, and opening punctuation it must not end with. */
const NO_LINE_START = new Set([...'，。、；：？！）」』》〉】’”,.;:?!)']);
const NO_LINE_END = new Set([...'（「『《〈【‘“(']);

/**
 * Help text wrapped at `width` columns as Chinese is wrapped: between any two Chinese characters
 * (never before closing punctuation) and at spaces, with continuation lines under the first.
 */
function wrapHelp(this: Help, str: string, width: number): string {
  if (width < 40) return str;
  const out: string[] = [];
  for (const raw of str.split('\n')) {
    const indent = /^\s*/.exec(raw)![0];
    const tokens = raw.slice(indent.length).match(/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+|\s+/gu) ?? [];
    let line = indent;
    for (const tok of tokens) {
      const fits = helpWidth(line + tok) <= width || NO_LINE_START.has(tok[0]!);
      if (fits || line.trim() === '') line += tok;
      else {
        // An opening bracket left at the end goes down with what it opens.
        const carry = NO_LINE_END.has(line.at(-1)!) ? line.at(-1)! : '';
        out.push(line.slice(0, line.length - carry.length).trimEnd());
        line = indent + carry + tok.trimStart();
      }
    }
    out.push(line.trimEnd());
  }
  return out.join('\n');
}

/** A Command whose errors and subcommands speak the CLI's language. */
class LocalCommand extends Command {
  texts: CliTexts = CLI_TEXTS.zh;

  override createCommand(name?: string): Command {
    const c = new LocalCommand(name);
    c.texts = this.texts;
    return c;
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const command = commandPath(this);
    const line = localiseError(message, errorOptions?.code, command, this.texts);
    return super.error(`yunshang: ${line}\n${this.texts.seeHelp(command)}`, errorOptions);
  }
}

/** The help's words in `t`: titles, defaults, choices, and columns that line up with Chinese text. */
function localHelp(t: CliTexts): Partial<Help> {
  const extras = (choices: readonly string[] | undefined, defaultValue: unknown, description?: string): string => {
    const parts: string[] = [];
    if (choices) parts.push(t.choices(choices));
    if (defaultValue !== undefined) parts.push(t.default(description ?? String(defaultValue)));
    return parts.length ? t.extras(parts) : '';
  };
  return {
    styleTitle: (s: string) => t.titles[s as keyof CliTexts['titles']] ?? s,
    styleUsage: (s: string) => s.replace('[options]', t.usageWords.options).replace('[command]', t.usageWords.command),
    displayWidth: helpWidth,
    subcommandTerm(cmd: Command): string {
      return Help.prototype.subcommandTerm.call(this, cmd).replace('[options]', t.usageWords.options);
    },
    boxWrap: wrapHelp,
    optionDescription(option: Option): string {
      // A default matters for an option that takes a value; for a flag it is noise (as in commander).
      const shown = option.required || option.optional ? option.defaultValue : undefined;
      return option.description + extras(option.argChoices, shown, option.defaultValueDescription);
    },
    argumentDescription(argument: Argument): string {
      return argument.description + extras(argument.argChoices, argument.defaultValue, argument.defaultValueDescription);
    },
  };
}

export function buildProgram(setExit: (code: number) => void, lang = cliLang(process.argv.slice(2))): Command {
  const t = CLI_TEXTS[lang];
  const program = new LocalCommand('yunshang');
  program.texts = t;
  program
    .description(t.program)
    .configureHelp(localHelp(t))
    .helpOption('-h, --help', t.help)
    .helpCommand(`help ${t.helpCommandArg}`, t.helpCommand)
    .version(packageVersion(), '-V, --version', t.version)
    .exitOverride();
  const examples = (lines: string[]) => `\n${t.examples}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
  program.addHelpText('after', examples(t.examplesText.program));

  const positiveInt = (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(t.errors.positiveInteger);
    return n;
  };
  const number = (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(t.errors.number);
    return n;
  };
  const langOption = () => new Option('--lang <lang>', t.score.lang).choices(['zh', 'en']).default('zh');
  const rules = () => new Option('--rules <file>', t.score.rules);
  const quiet = () => new Option('--quiet', t.score.quiet);

  program
    .command('score')
    .description(t.score.description)
    .argument('<dir>', t.score.dir)
    .addOption(new Option('--out <dir>', t.score.out))
    .addOption(rules())
    .addOption(new Option('--expert-scores <file>', t.score.expertScores))
    .addOption(new Option('--decisions <file>', t.score.decisions))
    .addOption(new Option('--normalize <method>', t.score.normalize).choices(['none', 'zscore']).default('none'))
    .addOption(new Option('--select <n>', t.score.select).argParser(positiveInt).conflicts('threshold'))
    .addOption(new Option('--threshold <score>', t.score.threshold).argParser(number))
    .addOption(langOption())
    .addOption(new Option('--no-pdf', t.score.noPdf))
    .addOption(new Option('--no-html', t.score.noHtml))
    .addOption(new Option('--font <file>', t.score.font))
    .addOption(new Option('--timestamp', t.score.timestamp))
    .addOption(new Option('--format <format>', t.score.format).choices(['text', 'json']).default('text'))
    .addOption(quiet())
    .addHelpText('after', examples(t.examplesText.score))
    .action(async (dir: string, o) => setExit(await runScore(dir, o)));

  program
    .command('validate')
    .description(t.validate.description)
    .argument('<dir>', t.validate.dir)
    .addOption(rules())
    .addOption(new Option('--format <format>', t.validate.format).choices(['text', 'json', 'junit', 'github']).default('text'))
    .addOption(new Option('--fail-on <severity>', t.validate.failOn).choices(['error', 'warning']).default('error'))
    .addOption(new Option('--annotate <dir>', t.validate.annotate))
    .addOption(new Option('--decisions <file>', t.validate.decisions))
    .addOption(langOption())
    .addOption(quiet())
    .addHelpText('after', examples(t.examplesText.validate))
    .action(async (dir: string, o) => setExit(await runValidate(dir, o)));

  program
    .command('template')
    .description(t.template.description)
    .addOption(new Option('--out <dir>', t.template.out))
    .addOption(new Option('--force', t.force))
    .addOption(rules())
    .action(async (o) => setExit(await runTemplate(o)));

  program
    .command('draft-a3')
    .description(t.draftA3.description)
    .argument('<cityDir>', t.draftA3.cityDir)
    .addOption(new Option('--out <file>', t.draftA3.out))
    .addOption(new Option('--force', t.force))
    .addOption(rules())
    .addOption(quiet())
    .action(async (dir: string, o) => setExit(await runDraftA3(dir, o)));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exit: number = EXIT.ok;
  const lang = cliLang(argv.slice(2));
  const program = buildProgram((c) => {
    exit = c;
  }, lang);
  try {
    await program.parseAsync(argv);
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0; commander has already said the rest.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError || e instanceof IoError) {
      process.stderr.write(`yunshang: ${e.message}\n`);
      return EXIT.usage;
    }
    // A stack trace helps a developer, not a clerk: only on request.
    const stack = process.env.YUNSHANG_DEBUG ? `\n${(e as Error).stack ?? ''}` : '';
    process.stderr.write(`yunshang: ${lang === 'zh' ? '内部错误：' : 'internal error: '}${(e as Error).message}${stack}\n`);
    return EXIT.internal;
  }
}
