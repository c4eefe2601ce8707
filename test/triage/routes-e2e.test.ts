/**
 * Each triage route end to end over HTTP, through the real server (restify + CloudAdapter) and
 * the real engine, as a practitioner in Teams would meet it: describe a situation, read the
 * answer card (the route's first step, then the partnership's own procedure or the honest
 * "don't set out their own procedure" line), press the checklist button on it, and get that
 * checklist's first step card. Expected wording comes from knowledge/triage/routes.yaml and
 * knowledge/checklists, so a change there cannot pass unnoticed; the table only says which
 * route and checklist each situation needs and whether its partnership has its own procedure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_BUTTONS } from '../../bot/answer-view.ts';
import { EMERGENCY_HEADING } from '../../cards/emergency-card.ts';
import { MESSAGES } from '../../bot/user-messages.ts';
import { refusalText } from '../../domain/answering/refusals.ts';
import { PARTNERSHIP_LABELS } from '../../domain/answering/partnerships.ts';
import type { ChecklistHint, RouteId } from '../../domain/answering/types.ts';
import { loadChecklists } from '../../domain/checklists/load.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import type { PartnershipId } from '../../knowledge/schema.ts';
import { adaptiveCardProblems } from '../support/adaptive-card.ts';
import { cardOf, cardSubmits, cardTexts, message, startBot, submit, type BotUnderTest, type SentActivity, type Where } from '../support/bot-server.ts';

const kb = loadKnowledge();
const routeDefs = new Map(kb.triage.routes.map((r) => [r.id, r]));
const recordsById = new Map(kb.records.map((r) => [r.id, r]));
const checklists = new Map(loadChecklists().map((c) => [c.command, c]));

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});

let users = 0;
/** A fresh personal chat per case, so one case's partnership never leaks into another. */
function newUser(): Where {
  const n = ++users;
  return { user: { id: `29:routes-e2e-${n}`, name: `Route Tester ${n}`, aadObjectId: `aad-routes-e2e-${n}` } };
}

/** Sends one activity over HTTP and returns what the bot sent back, every card validated. */
async function exchange(activity: Record<string, unknown>): Promise<SentActivity[]> {
  bot.connector.clear();
  const res = await bot.send(activity);
  expect(res.status).toBe(200);
  const sent = [...bot.connector.sent];
  for (const s of sent) {
    const card = cardOf(s);
    if (card) expect(adaptiveCardProblems(card)).toEqual([]);
  }
  bot.connector.clear();
  return sent;
}
const say = (text: string, where: Where) => exchange(message(bot.connector, text, where));
const click = (value: Record<string, unknown>, where: Where, replyToId?: string) => exchange(submit(bot.connector, value, where, replyToId));

/** The answer card among the replies: its first TextBlock is "Answer" or "Answer for <partnership>". */
function answerCardIn(sent: SentActivity[]): { sent: SentActivity; card: Record<string, any>; texts: string[] } {
  const found = sent.filter((s) => /^Answer\b/.test(cardTexts(cardOf(s))[0] ?? ''));
  expect(found, `replies: ${sent.map((s) => cardTexts(cardOf(s))[0] ?? s.activity.text).join(' | ')}`).toHaveLength(1);
  return { sent: found[0]!, card: cardOf(found[0]!)!, texts: cardTexts(cardOf(found[0]!)) };
}

/** Presses the card's checklist button and returns the checklist's first step card, choosing a partnership first when none is set. */
async function pressChecklistButton(data: Record<string, any>, where: Where, cardId: string, partnership: PartnershipId | null): Promise<string> {
  let sent = await click(data, where, cardId);
  if (!partnership) {
    // Without a partnership the checklist cannot show the local route: it asks, then starts on a second press.
    expect(sent.map((s) => s.activity.text).join(' ')).toContain(MESSAGES.checklistNeedsPartnership);
    const choice = sent
      .map((s) => cardSubmits(cardOf(s)))
      .flat()
      .find((s) => s.data.verb === 'partnership.set');
    expect(choice, 'partnership choice card').toBeDefined();
    const saved = await click({ ...choice!.data, partnership: 'haringey' }, where);
    expect(saved.map((s) => s.activity.text).join(' ')).toMatch(/Saved: .* for Haringey/);
    sent = await click(data, where, cardId);
  }
  const cards = sent.filter((s) => cardOf(s));
  expect(cards).toHaveLength(1);
  return cardTexts(cardOf(cards[0]!)).join('\n');
}

type Procedure = 'own' | 'silent';

interface RouteCase {
  route: RouteId;
  situation: string;
  partnership: PartnershipId | null;
  checklist: ChecklistHint;
  /** The route's own wording that must be in the answer, beside routes.yaml's `first`. */
  says: RegExp;
  /** With a partnership: its own procedure, or the honest line that its documents are silent. */
  procedure?: Procedure;
  /** The route whose local procedure is shown (after 999 it is the next route's). */
  localRoute?: RouteId;
}

const THREAT_TONIGHT = "a year 8 just told me her stepdad said he'll kill her if she goes home tonight";
const FOSTER = 'one of our foster carers has been accused of slapping a child';
const BELT = 'a pupil told me her dad hits her with a belt';
const NO_REPLY = "sent a referral 2 weeks ago and nobody's getting back to me";
const BABY = 'a baby on a child protection plan died last night and police suspect he was shaken';
const HEAD = 'a parent says our headteacher shoved her son against the wall yesterday';

const cases: RouteCase[] = [
  { route: 'emergency', situation: THREAT_TONIGHT, partnership: 'haringey', checklist: 'referral', says: /999/, procedure: 'own', localRoute: 'mash' },
  { route: 'emergency', situation: THREAT_TONIGHT, partnership: null, checklist: 'referral', says: /999/ },
  { route: 'lado', situation: FOSTER, partnership: 'harrow', checklist: 'lado', says: /LADO.*one working day/, procedure: 'silent' },
  { route: 'lado', situation: FOSTER, partnership: 'haringey', checklist: 'lado', says: /LADO.*one working day/, procedure: 'own' },
  { route: 'lado', situation: FOSTER, partnership: null, checklist: 'lado', says: /LADO.*one working day/ },
  { route: 'mash', situation: BELT, partnership: 'city-hackney', checklist: 'referral', says: /children's social care \(the MASH\)/, procedure: 'own' },
  { route: 'mash', situation: BELT, partnership: null, checklist: 'referral', says: /children's social care \(the MASH\)/ },
  { route: 'escalation', situation: NO_REPLY, partnership: 'harrow', checklist: 'escalation', says: /escalate/, procedure: 'own' },
  { route: 'escalation', situation: NO_REPLY, partnership: null, checklist: 'escalation', says: /escalate/ },
  { route: 'panel', situation: BABY, partnership: 'city-hackney', checklist: 'serious-incident', says: /Panel within 5 working days/, procedure: 'own' },
  { route: 'panel', situation: BABY, partnership: null, checklist: 'serious-incident', says: /Panel within 5 working days/ },
  // The Panel's answer goes on to the rapid review; an allegation about the head goes to the chair of governors.
  {
    route: 'panel',
    situation: BABY,
    partnership: 'haringey',
    checklist: 'serious-incident',
    says: /rapid review .*within 15 working days of the incident/,
    procedure: 'own',
  },
  { route: 'lado', situation: HEAD, partnership: 'harrow', checklist: 'lado', says: /chair of governors/, procedure: 'silent' },
];

const plain = (md: string) => md.replace(/\*\*/g, '');

describe('each route over HTTP: the answer card, then its checklist', () => {
  it.each(cases.map((c) => ({ ...c, as: c.partnership ?? 'no partnership' })))('$route ($as): $situation', async (c) => {
    const where = newUser();
    const label = c.partnership ? PARTNERSHIP_LABELS[c.partnership] : null;
    if (c.partnership) {
      const saved = await say(`partnership ${label}`, where);
      expect(saved[0]!.activity.text).toMatch(new RegExp(`Saved: .* for ${label}`));
    }

    const replies = await say(c.situation, where);
    const { sent, card, texts } = answerCardIn(replies);
    const route = routeDefs.get(c.route)!;
    const fallback = String(card.fallbackText);
    const answer = texts[1]!;
    expect(texts[0]).toBe(label ? `Answer for ${label}` : 'Answer');

    // The route's first step leads the answer; for 999 it is the very first line, after the emergency card.
    expect(plain(answer)).toContain(route.first);
    expect(fallback.split('\n')[0]).toBe(route.first);
    expect(fallback).toMatch(c.says);
    if (c.route === 'emergency') {
      expect(cardTexts(cardOf(replies[0]!))[0]).toBe(EMERGENCY_HEADING);
      expect(plain(answer).split('\n')[0]).toContain('999');
    } else {
      expect(replies.some((s) => cardTexts(cardOf(s))[0] === EMERGENCY_HEADING)).toBe(false);
    }

    // The partnership's own procedure, or the honest line; without one, an invitation to set it.
    const silentLine = `The ${label} arrangements I hold don't set out their own procedure for this`;
    if (c.procedure === 'own') {
      const local = routeDefs.get(c.localRoute ?? c.route)!.local[c.partnership!] ?? [];
      expect(local.length, 'routes.yaml lists a local record').toBeGreaterThan(0);
      const own = recordsById.get(local[0]!)!;
      expect(fallback).toContain(`In ${label}: ${own.summary.text}`);
      expect(fallback).not.toContain(silentLine);
    } else if (c.procedure === 'silent') {
      expect(route.local[c.partnership!] ?? [], 'routes.yaml lists no local record').toEqual([]);
      expect(fallback).toContain(`${silentLine}, so the national rule above applies.`);
      expect(fallback).not.toMatch(new RegExp(`In ${label}:`));
    } else {
      expect(fallback).toMatch(/Tell me your partnership/);
      expect(fallback).not.toMatch(/don't set out their own procedure|^In (Haringey|Harrow|City)/m);
    }
    // Cited: where the first step comes from, on the card (Web Chat) or as Teams' numbered
    // references on the message, never both.
    const citations = (sent.activity.entities ?? []).filter((e: { type?: string }) => e.type === 'https://schema.org/Message');
    expect(citations.length > 0 || texts.includes('Source')).toBe(true);
    expect(citations.length > 0 && texts.includes('Source')).toBe(false);

    // Exactly one checklist button, the matching one; pressing it starts that checklist.
    const starts = cardSubmits(card).filter((s) => s.data.verb === 'checklist.start');
    expect(starts.map((s) => s.data.checklistId)).toEqual([c.checklist]);
    expect(starts[0]!.title).toBe(CHECKLIST_BUTTONS[c.checklist]);
    const checklist = checklists.get(c.checklist)!;
    const firstStep = checklist.steps.find((s) => s.id === checklist.start)!;
    const stepCard = await pressChecklistButton(starts[0]!.data, where, sent.id, c.partnership);
    expect(stepCard).toContain(checklist.title);
    expect(stepCard).toContain(firstStep.question);
    expect(stepCard).toContain(`${c.partnership ? label : 'Haringey'} · question 1 of`);
  });
});

describe('a disclosure with an everyday word is answered with a route over HTTP, never refused', () => {
  const outOfScope = refusalText('out-of-scope');
  it.each([
    ['story', 'she wrote a story in her english book about her uncle hurting her', null],
    ['lunch', "at lunch he said his mum's boyfriend burns him with cigarettes", 'harrow'],
    ['train', 'he missed the train because his brother makes him carry drugs', null],
    ['screen', 'the screen on her laptop showed an older man asking her for photos', 'city-hackney'],
  ] as const)('%s: %s', async (_word, situation, partnership) => {
    const where = newUser();
    if (partnership) await say(`partnership ${partnership}`, where);
    const replies = await say(situation, where);
    expect(replies.map((s) => `${s.activity.text ?? ''} ${cardTexts(cardOf(s)).join(' ')}`).join(' ')).not.toContain(outOfScope);
    const { card } = answerCardIn(replies);
    const firstLine = String(card.fallbackText).split('\n')[0];
    expect(kb.triage.routes.map((r) => r.first)).toContain(firstLine);
    expect(cardSubmits(card).filter((s) => s.data.verb === 'checklist.start')).toHaveLength(1);
  });
});

// A described situation the triage cannot place (a coach in the under-9s' changing room, read as
// some route but not surely): over HTTP, a card that says a person is needed today and names 999,
// the DSL, the MASH and the LADO, never "outside what I can help with" nor a guessed route.
describe('a situation the triage cannot place, over HTTP', () => {
  it('gets the unclear-situation card, valid Adaptive Card 1.5', async () => {
    const where = newUser();
    const replies = await say(
      'the assistant coach keeps going into the under 9s changing room when they are getting changed, he says he is checking on them',
      where,
    );
    const texts = replies.flatMap((s) => cardTexts(cardOf(s))).join(' ');
    expect(texts).toContain(MESSAGES.unclearSituationHeading);
    expect(texts).toContain(refusalText('unclear-situation'));
    expect(texts).not.toContain(refusalText('out-of-scope'));
    for (const route of kb.triage.routes) expect(texts).not.toContain(route.first);
  });
});

// Another council named: a question about its procedure is another council's to answer (the rules
// read "escalating a disagreement" as a dispute, but nothing happened to anyone), while a case
// there keeps its route and its checklist button.
describe('another council named, over HTTP', () => {
  it("a question about Enfield's procedure gets the other-council answer, no route", async () => {
    const replies = await say("what's Enfield's process for escalating a professional disagreement about a referral?", newUser());
    const texts = replies.map((s) => `${s.activity.text ?? ''} ${cardTexts(cardOf(s)).join(' ')}`).join(' ');
    expect(texts).toContain(refusalText('other-council', { place: 'Enfield' }));
    for (const route of kb.triage.routes) expect(texts).not.toContain(route.first);
  });

  it('a case in Enfield still gets the LADO route and its checklist button', async () => {
    const replies = await say('I work in Enfield and a teacher hit a child in my class today', newUser());
    const { card } = answerCardIn(replies);
    expect(String(card.fallbackText).split('\n')[0]).toBe(routeDefs.get('lado')!.first);
    expect(cardSubmits(card).filter((s) => s.data.verb === 'checklist.start')).toHaveLength(1);
  });
});
