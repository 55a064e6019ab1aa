import { describe, expect, it } from 'vitest';
import { scanWithSaxes, scanXml, type XmlHandlers } from '../src/ingest/lean/xml.js';

type Ev = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

function events(scan: (xml: string, h: XmlHandlers) => void, xml: string): Ev[] | string {
  const out: Ev[] = [];
  try {
    scan(xml, {
      open: (n, a) => out.push(['open', n, { ...a }]),
      text: (t) => out.push(['text', t]),
      close: (n) => out.push(['close', n]),
    });
  } catch (e) {
    return `error: ${(e as Error).message.split(':')[0]}`;
  }
  return out;
}

const SAME = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://x"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
  '<sst count="2"><si><t xml:space="preserve"> 企业 &amp; 名称 </t></si><si><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t></r></si></sst>',
  '<a><b x=\'1\' y = "2"/>text &lt;&gt;&quot;&apos; &#20013;&#x6587;<c/></a>',
  '<x:a xmlns:x="u"><x:b/></x:a>',
  '<a><!-- a comment --><b>1 &gt; 0</b></a>',
  '<a><f>IF(A1>0,"是","否")</f></a>',
  '<a t="x > y"><b/></a>', // '>' inside an attribute: the fast path declines, saxes reads it
  '<a><![CDATA[<raw>]]></a>', // CDATA: saxes
  '<a>\r\n</a>', // line ends: saxes normalises them
  '<a b="1\tc"/>', // white space in an attribute value: saxes normalises it
  '\uFEFF<a>bom</a>',
  '<a>  <b>  </b>  </a>',
  '<a/>\n',
  '\n\n<a/>',
];

const BROKEN = ['<a><b></a>', '<a>', '<a></a><b></b>', '<a b="1" b="2"/>', '<a>&nbsp;</a>', '<a>& x</a>', 'text<a/>', '<a></a>tail', '<a><b c=1/></a>', ''];

describe('the fast XML path', () => {
  it.each(SAME)('gives the same events as saxes for %j', (xml) => {
    expect(events(scanXml, xml)).toEqual(events(scanWithSaxes, xml));
  });

  it.each(BROKEN)('refuses malformed %j exactly as saxes does', (xml) => {
    const fast = events(scanXml, xml);
    expect(fast).toEqual(events(scanWithSaxes, xml));
    expect(typeof fast).toBe('string');
  });
});
