import type { CodeTable, Finding } from '../findings/finding.js';
import type { Location } from '../model/location.js';
import type { ApplicantPack, CitySubmission, Submission } from '../model/records.js';
import type { Rules } from '../rules/schema.js';
import type { IndicatorKey } from '../model/indicators.js';

/** Everything a check may look at. Checks are pure: no file system, no clock. */
export interface CheckContext {
  submission: Submission;
  rules: Rules;
}

export interface Report<C extends string> {
  (
    code: C,
    args?: Record<string, string | number>,
    location?: Location,
    about?: { applicant?: ApplicantPack; city?: CitySubmission | string; indicator?: IndicatorKey },
  ): void;
}

/**
 * One validation check: an id, the codes it can report (with their severity and zh/en messages,
 * like an ESLint rule's `meta`), and a pure `run`.
 */
export interface Check<T extends CodeTable = CodeTable> {
  /** `<folder>.<file>` of the check's module, e.g. `values.numbers` for checks/values/numbers.ts. */
  id: string;
  /** What holds when the check finds nothing, in Chinese. */
  description: string;
  /** The clause of the notice the check enforces, quoted (docs/notice.md), or why it has none. */
  notice: string;
  codes: T;
  run(ctx: CheckContext, report: Report<keyof T & string>): void;
}

/**
 * A check as the registry lists it, whatever its codes. Each check module keeps its own code union
 * (`Check<typeof codes>`), so its `run` can only report its own codes; the list only needs the shape.
 * (`run` is a method, so TypeScript compares its parameter both ways and `Check<T>` fits here.)
 */
export interface AnyCheck {
  id: string;
  description: string;
  notice: string;
  codes: CodeTable;
  run(ctx: CheckContext, report: Report<string>): void;
}

export function defineCheck<T extends CodeTable>(check: Check<T>): Check<T> {
  return check;
}

/** Runs one check and returns its findings, filling in applicant and city from `about`. */
export function runCheck(check: AnyCheck, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  check.run(ctx, (code, args = {}, location, about = {}) => {
    const f: Finding = { code, severity: check.codes[code]!.severity, args };
    if (location) f.location = location;
    if (about.applicant) {
      f.applicant = about.applicant.id;
      f.city = about.applicant.city;
    }
    if (about.city !== undefined) f.city = typeof about.city === 'string' ? about.city : about.city.name;
    if (about.indicator) f.indicator = about.indicator;
    out.push(f);
  });
  return out;
}
