/** The engine's answer turned into what the answer cards show (cards take view models only). */
import type { Answer, AnswerSource, ChecklistHint } from '../domain/answering/types.ts';
import type { AnswerView, SourceView } from '../cards/answer-view.ts';
import { sourceLine, sourceLink } from './source-line.ts';

/** Button titles for the checklist an answer leads to. */
export const CHECKLIST_BUTTONS: Record<ChecklistHint, string> = {
  lado: 'Start the LADO referral checklist',
  escalation: 'Start the escalation checklist',
  referral: 'Start the referral (MASH) checklist',
  'serious-incident': 'Start the serious incident checklist',
};

export function sourceView(s: AnswerSource): SourceView {
  return { line: sourceLine(s), link: sourceLink(s), quote: s.quote, historical: s.historical === true };
}

export function answerView(answer: Answer): AnswerView {
  return {
    text: answer.text,
    markdown: answer.markdown,
    sources: answer.sources.map(sourceView),
    followUps: answer.followUps,
    suggestions: answer.suggestions,
    checklist: answer.checklist ? { id: answer.checklist, title: CHECKLIST_BUTTONS[answer.checklist] } : null,
    recordIds: answer.recordIds,
    kind: answer.kind,
    partnership: answer.partnership,
  };
}
