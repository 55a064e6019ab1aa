/**
 * A thread rendering city PDFs. Jobs are taken from a counter shared with the other threads (and the
 * main thread once it has drawn the province PDF), so no thread waits on the main thread's event loop
 * while it is busy drawing. It must be the compiled file (dist/report/pdf/cityWorker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { reportFontFromBytes } from './font.js';
import type { CityPdfAnswer, CityPdfSetup } from './parallel.js';
import { renderReviewPdfWithPlan } from './render.js';

const setup = workerData as CityPdfSetup;
const port = parentPort;
if (!port) throw new Error('cityWorker.js runs only as a worker thread');

const next = new Int32Array(setup.counter);
const font = reportFontFromBytes(Buffer.from(setup.font.bytes), setup.font.file, setup.font.face);
for (let i = Atomics.add(next, 0, 1); i < setup.cities.length; i = Atomics.add(next, 0, 1)) {
  let answer: CityPdfAnswer;
  try {
    const { pdf, plan } = await renderReviewPdfWithPlan(setup.result, setup.rules, font, { ...setup.options, city: setup.cities[i]! });
    answer = { index: i, pdf, pages: plan.total };
  } catch (e) {
    answer = { index: i, error: e instanceof Error ? e.message : String(e) };
  }
  const whole = 'pdf' in answer && answer.pdf.byteOffset === 0 && answer.pdf.byteLength === answer.pdf.buffer.byteLength;
  port.postMessage(answer, whole ? [(answer as { pdf: Uint8Array }).pdf.buffer as ArrayBuffer] : []);
}
