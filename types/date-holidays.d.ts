// date-holidays-parser ships its declarations as an ambient module under types/, which its
// package.json points to in a way NodeNext resolution does not follow; include them directly.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient declaration file can only be included this way
/// <reference path="../node_modules/date-holidays-parser/types/index.d.ts" />

// The full rule set (a dev dependency: scripts/holidays-gb.ts and the calendar test read it).
declare module 'date-holidays/data' {
  export const data: unknown;
}
