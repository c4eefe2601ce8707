/**
 * Renders bot activities as plain text for the terminal client (scripts/chat.ts): message text, and
 * Adaptive Cards / hero cards as their title, text blocks, facts, inputs and numbered buttons.
 * Buttons are returned with what pressing them means, so the client can act on "/2".
 */

export interface CardInput {
  id: string;
  type: string;
  label: string;
  value?: string;
  choices?: Array<{ title: string; value: string }>;
  multiSelect?: boolean;
  valueOn?: string;
  valueOff?: string;
}

export type Button =
  | { kind: 'submit'; title: string; data: unknown; inputs: CardInput[] }
  | { kind: 'text'; title: string; text: string }
  | { kind: 'open'; title: string; url: string }
  | { kind: 'show'; title: string; lines: string[] };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** Adaptive Card markdown to terminal text: keep the words, drop the emphasis markers. */
function plain(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>');
}

class CardRenderer {
  readonly lines: string[] = [];
  readonly inputs: CardInput[] = [];
  private readonly byId = new Map<string, Json>();

  constructor(
    private readonly buttons: Button[],
    private readonly indent: string,
  ) {}

  card(card: Json): void {
    this.index(card);
    this.elements(list(card.body), this.indent);
    this.actions(list(card.actions), this.indent);
  }

  private index(node: unknown): void {
    if (Array.isArray(node)) node.forEach((child) => this.index(child));
    else if (isObject(node)) {
      if (typeof node.id === 'string') this.byId.set(node.id, node);
      Object.values(node).forEach((child) => this.index(child));
    }
  }

  private push(indent: string, text: string): void {
    for (const line of text.split('\n')) this.lines.push(`${indent}${line}`);
  }

  elements(elements: Json[], indent: string, includeHidden = false): void {
    for (const element of elements) {
      if (element.isVisible === false && !includeHidden) continue;
      this.element(element, indent);
    }
  }

  private element(element: Json, indent: string): void {
    const type = str(element.type);
    switch (type) {
      case 'TextBlock': {
        const text = plain(str(element.text));
        // Large text, or a short bold line, reads as a heading; a long bold line is just emphasis (e.g. a warning).
        const heading = ['Large', 'ExtraLarge', 'Medium'].includes(str(element.size)) || (element.weight === 'Bolder' && text.length <= 60);
        this.push(indent, heading ? `== ${text} ==` : text);
        break;
      }
      case 'RichTextBlock':
        this.push(
          indent,
          list(element.inlines)
            .map((inline) => str(inline.text))
            .join(''),
        );
        break;
      case 'FactSet':
        for (const fact of list(element.facts)) this.push(indent, `  ${plain(str(fact.title))}: ${plain(str(fact.value))}`);
        break;
      case 'Image':
        if (element.altText) this.push(indent, `[image: ${str(element.altText)}]`);
        break;
      case 'Container':
      case 'Column':
        this.elements(list(element.items), indent);
        if (isObject(element.selectAction)) this.actions([element.selectAction], indent);
        break;
      case 'ColumnSet':
        for (const column of list(element.columns)) if (column.isVisible !== false) this.element({ ...column, type: 'Column' }, indent);
        break;
      case 'ActionSet':
        this.actions(list(element.actions), indent);
        break;
      default:
        if (type.startsWith('Input.')) this.input(element, indent);
    }
  }

  private input(element: Json, indent: string): void {
    const input: CardInput = {
      id: str(element.id),
      type: str(element.type),
      label: plain(str(element.label) || str(element.placeholder) || str(element.title) || str(element.id)),
      value: element.value === undefined ? undefined : String(element.value),
      choices: list(element.choices).map((choice) => ({ title: str(choice.title), value: str(choice.value) })),
      multiSelect: element.isMultiSelect === true,
      valueOn: element.valueOn === undefined ? 'true' : String(element.valueOn),
      valueOff: element.valueOff === undefined ? 'false' : String(element.valueOff),
    };
    this.inputs.push(input);
    const choices = input.choices?.length ? ` (${input.choices.map((c) => c.title).join(' / ')})` : '';
    this.push(indent, `[input] ${input.label}${choices}`);
  }

  actions(actions: Json[], indent: string): void {
    for (const action of actions) {
      const title = str(action.title) || str(action.type);
      const type = str(action.type);
      let button: Button | undefined;
      if (type === 'Action.Submit' || type === 'Action.Execute') {
        const data = type === 'Action.Execute' ? { ...(isObject(action.data) ? action.data : {}), verb: action.verb } : action.data;
        button = { kind: 'submit', title, data, inputs: this.inputs };
      } else if (type === 'Action.OpenUrl') {
        button = { kind: 'open', title, url: str(action.url) };
      } else if (type === 'Action.ShowCard' && isObject(action.card)) {
        const nested = new CardRenderer(this.buttons, `${indent}  `);
        nested.card(action.card);
        button = { kind: 'show', title, lines: nested.lines };
      } else if (type === 'Action.ToggleVisibility') {
        const targets = (Array.isArray(action.targetElements) ? action.targetElements : [])
          .map((target: unknown) => this.byId.get(isObject(target) ? str(target.elementId) : str(target)))
          .filter(isObject);
        const shown = new CardRenderer(this.buttons, `${indent}  `);
        shown.elements(targets, `${indent}  `, true);
        button = { kind: 'show', title, lines: shown.lines };
      }
      if (!button) continue;
      this.buttons.push(button);
      this.push(indent, `  [${this.buttons.length}] ${title}`);
    }
  }
}

/** Hero and thumbnail cards use Bot Framework card actions rather than Adaptive Card actions. */
function heroCard(card: Json, buttons: Button[], lines: string[]): void {
  if (card.title) lines.push(`== ${plain(str(card.title))} ==`);
  if (card.subtitle) lines.push(plain(str(card.subtitle)));
  if (card.text) lines.push(plain(str(card.text)));
  for (const action of list(card.buttons)) {
    const title = str(action.title) || str(action.value);
    const type = str(action.type);
    const button: Button =
      type === 'openUrl'
        ? { kind: 'open', title, url: str(action.value) }
        : type === 'imBack'
          ? { kind: 'text', title, text: str(action.value) }
          : type === 'messageBack' && action.text !== undefined && action.value === undefined
            ? { kind: 'text', title, text: str(action.text) }
            : { kind: 'submit', title, data: action.value, inputs: [] };
    buttons.push(button);
    lines.push(`  [${buttons.length}] ${title}`);
  }
}

/** Text for one activity; `buttons` collects every pressable action in display order. */
export function renderActivity(activity: Json, buttons: Button[]): string[] {
  if (activity.type === 'typing') return [];
  if (activity.type !== 'message') return [`(${str(activity.type)} activity)`];
  const lines: string[] = [];
  if (activity.text) lines.push(plain(str(activity.text)));
  for (const attachment of list(activity.attachments)) {
    const content = isObject(attachment.content) ? attachment.content : {};
    const type = str(attachment.contentType);
    if (type === 'application/vnd.microsoft.card.adaptive') {
      const renderer = new CardRenderer(buttons, '');
      renderer.card(content);
      lines.push(...renderer.lines);
    } else if (type === 'application/vnd.microsoft.card.hero' || type === 'application/vnd.microsoft.card.thumbnail') {
      heroCard(content, buttons, lines);
    } else {
      lines.push(`[attachment: ${type}]`);
    }
  }
  for (const action of list(isObject(activity.suggestedActions) ? activity.suggestedActions.actions : [])) {
    heroCard({ buttons: [action] }, buttons, lines);
  }
  return lines;
}
