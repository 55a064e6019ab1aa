/**
 * The command line in the clerk's language: help, option descriptions, defaults and usage errors in
 * Chinese, in English with --lang en or an English locale; --version; a usage error is one line and
 * the way to the command's help.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { yunshang } from './e2e-helpers.js';
import { cliLang } from '../src/cli/texts.js';

const run = (args: string[], env: Record<string, string> = {}) => yunshang(args, { env: { COLUMNS: '100', ...env } });

describe('yunshang on the command line', () => {
  it('is built', () => {
    expect(existsSync('dist/cli/main.js'), 'run `npx tsc -p .` (npm test does) before these tests').toBe(true);
  });

  it('prints its help in Chinese: titles, descriptions, choices and defaults', () => {
    const top = run(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/^用法： yunshang \[选项\] \[命令\]/);
    expect(top.stdout).toContain('命令：');
    expect(top.stdout).toContain('score [选项] <dir>');
    expect(top.stdout).toContain('-V, --version');
    expect(top.stdout).toContain('显示版本号');
    const score = run(['score', '--help']);
    expect(score.stdout).toContain('选项：');
    expect(score.stdout).toContain('参数：');
    expect(score.stdout).toMatch(/--out <dir>\s+输出目录（默认：\.\/out；/);
    expect(score.stdout).toMatch(/--lang <lang>\s+报告和提示的语言（可选：zh、en；默认：zh）/);
    expect(score.stdout).toMatch(/-h, --help\s+显示帮助/);
    expect(score.stdout).toContain('示例：');
    for (const english of ['Usage:', 'Options:', 'default:', 'choices:', 'display help']) expect(score.stdout).not.toContain(english);
  });

  it('prints it in English with --lang en or an English locale', () => {
    for (const r of [run(['score', '--help', '--lang', 'en']), run(['score', '--help'], { LANG: 'en_US.UTF-8' }), run(['score', '--help'], { LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })]) {
      expect(r.stdout, `exit ${r.status}, signal ${r.signal}, stderr: ${r.stderr}`).toMatch(/^Usage: yunshang score \[options\] <dir>/);
      expect(r.stdout).toMatch(/--out <dir>\s+output folder \(default: \.\/out;/);
      expect(r.stdout).toMatch(/--normalize <method>\s+normalise expert scores \(choices: none, zscore;\s+default: none\)/);
      expect(r.stdout).not.toMatch(/[\u4e00-\u9fff]{2,}：/);
    }
    expect(cliLang(['score', 'x', '--lang=zh'], { LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(cliLang(['score', 'x'], { LANG: 'C.UTF-8' })).toBe('zh');
    expect(cliLang(['score', 'x'], { LANG: 'english' })).toBe('zh');
    expect(cliLang(['score', 'x'], { LANG: 'en' })).toBe('en');
  });

  it('prints its version with --version', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
  });

  it('answers an unknown option with one line and the way to the command’s help, exit 2', () => {
    const r = run(['score', 'fixtures/submissions', '--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('yunshang: 未知选项 --frobnicate\n运行 yunshang score --help 查看用法\n');
    const near = run(['validate', 'x', '--formt', 'json']);
    expect(near.stderr).toBe('yunshang: 未知选项 --formt（是否要用 --format？）\n运行 yunshang validate --help 查看用法\n');
    const en = run(['score', 'x', '--frobnicate', '--lang', 'en']);
    expect(en.stderr).toBe('yunshang: unknown option --frobnicate\nRun yunshang score --help for usage\n');
  });

  it('says every other usage error in Chinese too', () => {
    const cases: [string[], string][] = [
      [['score'], 'yunshang: 缺少参数 <dir>\n运行 yunshang score --help 查看用法\n'],
      [['scor', 'x'], 'yunshang: 未知命令 scor（是否要用 score？）\n运行 yunshang --help 查看用法\n'],
      [['score', 'x', '--select', 'abc'], 'yunshang: 选项 --select 的取值「abc」无效：需要正整数\n运行 yunshang score --help 查看用法\n'],
      [['score', 'x', '--lang', 'fr'], 'yunshang: 选项 --lang 的取值「fr」无效：可选 zh、en\n运行 yunshang score --help 查看用法\n'],
      [['score', 'x', '--select', '3', '--threshold', '50'], 'yunshang: 选项 --select 与 --threshold 只能二选一\n运行 yunshang score --help 查看用法\n'],
      [['score', 'x', '--out'], 'yunshang: 选项 --out 缺少取值\n运行 yunshang score --help 查看用法\n'],
      [['score', 'x', 'y'], 'yunshang: yunshang score 只需要 1 个参数，收到 2 个\n运行 yunshang score --help 查看用法\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = run(args);
      expect(r.stderr, args.join(' ')).toBe(stderr);
      expect(r.status, args.join(' ')).toBe(2);
    }
  });
});
