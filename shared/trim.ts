/**
 * "help?!" -> "help". A backwards scan instead of `/[?!.]+$/`, which V8 retries from every
 * punctuation mark and is quadratic on a long run of them (a 250,000-dot message took 35 s).
 */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}
