/** The languages every message and report is written in: Chinese by default, English with `--lang en`. */
export type Lang = 'zh' | 'en';
