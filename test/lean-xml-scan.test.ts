import { describe, expect, it } from 'vitest';
import { scanFast, scanWithSaxes, scanXml, type XmlHandlers } from '../src/ingest/lean/xml.js';

type Ev = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

function recorder(out: Ev[]): XmlHandlers {
  return {
    open: (n, a) => out.push(['open', n, a.toRecord()]),
    text: (t) => out.push(['text', t]),
    close: (n) => out.push(['close', n]),
  };
}

/** Events, or the first words of the error. */
function outcome(run: () => Ev[]): Ev[] | string {
  try {
    return run();
  } catch (e) {
    return `error: ${(e as Error).message.split(':')[0]}`;
  }
}

const viaSaxes = (xml: string) =>
  outcome(() => {
    const out: Ev[] = [];
    scanWithSaxes(xml, recorder(out));
    return out;
  });

const viaScanXml = (xml: string) =>
  outcome(() => {
    let out: Ev[] = [];
    scanXml(xml, () => recorder((out = [])));
    return out;
  });

/** The fast path's events, or null when it declines the part. */
function viaFast(xml: string): Ev[] | null {
  const out: Ev[] = [];
  return scanFast(xml, recorder(out)) ? out : null;
}

/** Plain parts: the fast path takes them and gives exactly saxes's events. */
const ACCEPTED = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://x"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
  '<sst count="2"><si><t xml:space="preserve"> 企业 &amp; 名称 </t></si><si><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t></r></si></sst>',
  '<a><b x=\'1\' y = "2"/>text &lt;&gt;&quot;&apos; &#20013;&#x6587;<c/></a>',
  '<x:a xmlns:x="u"><x:b/></x:a>',
  '<a><!-- a comment --><b>1 &gt; 0</b></a>',
  '<a><f>IF(A1>0,"是","否")</f></a>',
  '\uFEFF<a>bom</a>',
  '<a>  <b>  </b>  </a>',
  '<a/>\n',
  '<a/>\n<!-- after the root -->\n',
  '<a b="&#10;&#9;&#13;"/>', // character references are not normalised
  '<a>x<!--c-->y&#x1F600;😀（全角）</a>',
  '<a\n\tb="1"\n></a\t>',
  '<?xml version="1.0"?><a/>',
  '<a b="1" __proto__="2" constructor="3" toString="4"/>', // names an object's prototype also has
];

/** Outside the subset: the fast path declines and the part is read (or refused) by saxes alone. */
const DECLINED = [
  '<a t="x > y"><b/></a>', // '>' inside an attribute value
  '<a><![CDATA[<raw>]]></a>', // CDATA
  '<a>\r\n</a>', // line ends: saxes normalises them
  '<a b="1\tc"/>', // white space in an attribute value: saxes normalises it
  '<a b="1\nc"/>',
  '\n\n<a/>',
  '<名>文本</名>', // non-ASCII names
  '<a>]]&gt;</a>',
  "<?xml version='1.0'?><a/>", // any declaration but the common one
  '<?xml version="1.1"?><a/>',
  '<?xml version="1.0" ?><a/>',
  '<?xml version="1.0"?><?pi data?><a/>', // processing instructions
  '<a><?pi data?></a>',
  '<a/><?pi?>',
  '<a>\uD800</a>', // a lone surrogate
  '<!DOCTYPE a><a/>',
];

/** Malformed: the fast path declines and the error is saxes's. */
const BROKEN = [
  '<a><b></a>',
  '<a>',
  '<a></a><b></b>',
  '<a b="1" b="2"/>',
  '<a>&nbsp;</a>',
  '<a>& x</a>',
  '<a>&amp</a>',
  'text<a/>',
  '<a></a>tail',
  '<a><b c=1/></a>',
  '',
  '<a b="1"c="2"/>', // no white space between attributes
  '<a b="x<y"/>',
  '<a\u00A0b="1"/>', // only space, tab and line feed are XML white space
  '<a>x</a\u3000>',
  '<a>&#1;</a>', // a reference to a character XML forbids
  '<a>&#X41;</a>',
  '<a>&#xD800;</a>',
  '<a>&#1114112;</a>',
  '<a>&#;</a>',
  '<a>\u0001</a>',
  '<a>\uFFFE</a>',
  '<a>]]></a>',
  '<a><!-- x ---></a>',
  '<a><!-- x -- y --></a>',
  '<?xml encoding="UTF-8"?><a/>',
  '<a/ >',
  '< a/>',
  '<a>x</ a>',
  '<a b="1>',
];

describe('the fast XML path', () => {
  it.each(ACCEPTED)('takes %j and gives the same events as saxes', (xml) => {
    const fast = viaFast(xml);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(viaSaxes(xml));
    expect(viaScanXml(xml)).toEqual(fast);
  });

  it.each(DECLINED)('leaves %j to saxes', (xml) => {
    expect(viaFast(xml)).toBeNull();
    expect(viaScanXml(xml)).toEqual(viaSaxes(xml));
  });

  it.each(BROKEN)('refuses malformed %j exactly as saxes does', (xml) => {
    expect(viaFast(xml)).toBeNull();
    const read = viaScanXml(xml);
    expect(read).toEqual(viaSaxes(xml));
    expect(typeof read).toBe('string');
  });

  it('starts the handlers afresh when it falls back, so no event is seen twice', () => {
    const xml = '<a><b x="1"/>text<c>&nbsp;</c></a>';
    let starts = 0;
    let out: Ev[] = [];
    const read = outcome(() => {
      scanXml(xml, () => {
        starts++;
        return recorder((out = []));
      });
      return out;
    });
    expect(starts).toBe(2);
    expect(read).toEqual(viaSaxes(xml));
  });

  it('starts the handlers once for a plain part', () => {
    let starts = 0;
    scanXml('<a><b/></a>', () => (starts++, {}));
    expect(starts).toBe(1);
  });

  it('lets an error thrown by a handler through without a second pass', () => {
    let starts = 0;
    const failing = () => {
      starts++;
      return {
        open(name: string) {
          if (name === 'b') throw new Error('no b here');
        },
      };
    };
    expect(() => scanXml('<a><b/></a>', failing)).toThrow('no b here');
    expect(starts).toBe(1);
  });
});

describe('attribute look-ups', () => {
  const asked = ['b', 'x', 'y', 'r', 't', 's', 'count', 'xmlns', 'xmlns:x', 'xml:space', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'missing', ''];
  const answers = (scan: (h: XmlHandlers) => unknown) => {
    const out: unknown[] = [];
    scan({ open: (name, a) => out.push([name, asked.map((k) => a.get(k) ?? null)]) });
    return out;
  };

  it.each(ACCEPTED)('give saxes\'s answer for every name on %j, absent and prototype names included', (xml) => {
    const fast = answers((h) => expect(scanFast(xml, h)).toBe(true));
    expect(fast).toEqual(answers((h) => scanWithSaxes(xml, h)));
  });

  it('see each tag\'s own attributes though the accessor is reused from tag to tag', () => {
    const xml = '<a x="1" y="&lt;2&gt;"><b x="3"/><c/><d y="4" x="5"/></a>';
    const seen: unknown[] = [];
    const h: XmlHandlers = { open: (name, a) => seen.push([name, a.get('x') ?? null, a.get('y') ?? null, a.toRecord()]) };
    expect(scanFast(xml, h)).toBe(true);
    expect(seen).toEqual([
      ['a', '1', '<2>', { x: '1', y: '<2>' }],
      ['b', '3', null, { x: '3' }],
      ['c', null, null, {}],
      ['d', '5', '4', { y: '4', x: '5' }],
    ]);
  });
});

describe('the fast XML path on damaged parts', () => {
  const seeds = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://x" xmlns:r="u"><sheetData><row r="1" spans="1:2"><c r="A1" t="s" s="3"><v>0</v></c><c r="B1"><f>IF(A1&gt;0,"是","否")</f><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells><!-- c --></worksheet>',
    '<sst count="2"><si><t xml:space="preserve"> 企业 &amp; 名称 &#20013;</t></si><si><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t></r></si></sst>',
  ];
  const pieces = ['<', '>', '&', ';', '"', "'", ' ', '\t', '\n', '\r', ']', '-', '!', '?', '#', 'x', '/', '=', 'a', '1', 'amp', 'lt', '#x41', '#1', '\u00A0', '\uD83D', '\uDE00', '\uFFFE', '\u0001', ':', '<!--', '-->', ']]>', '<?', '?>', '<![CDATA[', '\uFEFF'];

  it('gives saxes\'s events for every damaged part it takes (a fixed pseudo-random sample)', () => {
    let state = 12345;
    const next = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff), state % n);
    let taken = 0;
    const wrong: string[] = [];
    for (let i = 0; i < 20000; i++) {
      let xml = seeds[i % seeds.length]!;
      for (let edits = 1 + next(3); edits > 0; edits--) {
        const at = next(xml.length + 1);
        const op = next(3);
        if (op === 0) xml = xml.slice(0, at) + pieces[next(pieces.length)] + xml.slice(at);
        else if (op === 1) xml = xml.slice(0, at) + xml.slice(at + 1 + next(3));
        else xml = xml.slice(0, at) + pieces[next(pieces.length)] + xml.slice(at + 1);
      }
      const fast = viaFast(xml);
      if (!fast) continue;
      taken++;
      if (JSON.stringify(fast) !== JSON.stringify(viaSaxes(xml))) wrong.push(xml);
    }
    expect(wrong).toEqual([]);
    // The sample must exercise the fast path, not only its refusals.
    expect(taken).toBeGreaterThan(1000);
  });
});
