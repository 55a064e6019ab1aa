/**
 * Values typed into the label cell itself. The notice's 附件2 has no value columns: people type into
 * the 「N：企业使用云存储数据总量（单位：TB）」 cell, after the printed words, with or without a colon
 * (「…（单位：TB）：415.9」, 「…（单位：TB） 415.9」, 「…（单位：TB）\n415.9TB」).
 */
import { normaliseText } from '../../forms/normalise.js';

/** 「N：」 or 「M：」 (`letter`: 0x4e N, 0x4d M) at the start of a normalised text: an N or M label. */
export function startsValueLabel(norm: string, letter: number): boolean {
  if (norm.charCodeAt(0) !== letter) return false;
  const c = norm.charCodeAt(1);
  return c === 0x3a || c === 0xff1a;
}

/** Index just past the bracketed remark opening at `open` in a normalised text, or -1 when unclosed. */
function pastRemark(norm: string, open: number): number {
  let depth = 0;
  for (let i = open; i < norm.length; i++) {
    const c = norm[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

const LEADING_SEPARATORS = /^[\s:：=＝,，;；、]+/;
const TRAILING_STOPS = /[\s。.;；,，]+$/;
/** A remark that only repeats the printed unit, typed after the value: 「415.9（单位：TB）」. */
const UNIT_REMARK = /[（(【［][^（()）【】［］]*单位[^（()）【】［］]*[)）】］]/g;

/**
 * What was typed after the printed label of an N or M label cell, in the characters typed ('' when
 * nothing was). `normalised` is `normaliseText(text)`; `description` the printed words after 「N：」
 * (the rules' `n` or `m`, 「企业使用云存储数据总量」). The printed label ends after its description and the
 * bracketed remarks that follow it (units, 「包括…」). A label in other words ends at its last closing
 * bracket, unless all that follows 「N：」 is a number (「N：415.9」).
 */
export function typedAfterLabel(text: string, normalised: string, description: string, isNumber: (typed: string) => boolean): string {
  const d = normaliseText(description);
  let p = 2;
  if (d !== '' && normalised.startsWith(d, p)) p += d.length;
  else if (d !== '' && normalised.startsWith(`为${d}`, p)) p += d.length + 1;
  else {
    const rest = fromNormalised(text, 2);
    if (isNumber(rest)) return rest;
    const close = normalised.lastIndexOf(')');
    if (close < 0) return '';
    p = close + 1;
  }
  while (normalised[p] === '(') {
    const past = pastRemark(normalised, p);
    if (past < 0) break;
    p = past;
  }
  // A blank form's label ends here: no character needs mapping back.
  if (p >= normalised.length) return '';
  return fromNormalised(text, p);
}

/**
 * The part of `text` whose normalised form starts at `from` in `normaliseText(text)`, cleaned of the
 * separators people put between a label and a value and of a repeated unit remark. Characters are
 * normalised one at a time to map the position back (the forms' labels hold no composing characters).
 */
function fromNormalised(text: string, from: number): string {
  let consumed = 0;
  let i = 0;
  for (const ch of text) {
    if (consumed >= from) break;
    consumed += normaliseText(ch).length;
    i += ch.length;
  }
  return text.slice(i).replace(LEADING_SEPARATORS, '').replace(UNIT_REMARK, '').replace(TRAILING_STOPS, '').trim();
}
