import { styleText } from 'node:util';
import {
  Separator,
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isNumberKey,
  isUpKey,
  makeTheme,
  useEffect,
  useKeypress,
  useMemo,
  usePagination,
  usePrefix,
  useRef,
  useState,
} from '@inquirer/core';
import figures from '@inquirer/figures';
import { wrap } from '../../core/render/layout.js';
import { isSeparator, type Choice, type SelectChoice, type SelectQuestion } from './prompts.js';

// A list prompt built on @inquirer/core, because `select` has neither keys of its own for a choice nor
// text shown under every choice at once. It keeps `select`'s keys: arrows (the list wraps), a number
// jumps to that choice, other letters jump to the first choice whose name starts with them.

/** Where a choice's detail goes under its name: past the cursor and a level's number. */
const DETAIL_INDENT = '     ';
/** How long typed letters or digits count as one word, as in `select`. */
const TYPING_PAUSE_MS = 700;
/** Fewest list lines when the terminal is too short for the whole list (it then scrolls). */
const MIN_PAGE = 5;
/** The terminal's cursor off while the list is up (the prompt library shows it again when done). */
const CURSOR_HIDE = '\u001B[?25l';
/** The key hints of a question that names none. */
const DEFAULT_KEYS: [string, string][] = [
  ['↑↓', 'move'],
  ['⏎', 'choose'],
];
/** Rows assumed when the terminal does not say. */
const DEFAULT_ROWS = 24;

/** A select question (prompts.ts), with what the prompt needs to lay it out. */
export interface ChoicePromptConfig<T> extends SelectQuestion<T> {
  /** Columns to wrap details to. */
  width: number;
  /** The terminal's height now. */
  rows: () => number | undefined;
}

export type Layout = 'details' | 'highlighted';

/**
 * Whether every choice's detail fits on screen under its name (`details`), or is shown only for the
 * highlighted choice (`highlighted`), as `select` shows descriptions.
 */
export function chooseLayout<T>(choices: Choice<T>[], width: number, rows: number, above = 0): Layout {
  let list = 0;
  let tallestDescription = 0;
  for (const choice of choices) {
    list += 1;
    if (isSeparator(choice)) continue;
    if (choice.detail !== undefined) list += detailLines(choice.detail, width).length;
    tallestDescription = Math.max(tallestDescription, choice.description?.split('\n').length ?? 0);
  }
  // The message, the blank line under the list, the description and the key hints.
  const height = above + 1 + list + 1 + tallestDescription + 1;
  return height <= rows ? 'details' : 'highlighted';
}

function detailLines(detail: string, width: number): string[] {
  return wrap(detail, width, DETAIL_INDENT);
}

/** What shows under the list while `choice` is highlighted. */
function descriptionOf<T>(choice: SelectChoice<T>, layout: Layout, width: number): string | undefined {
  if (layout === 'details' || choice.detail === undefined) return choice.description;
  return [wrap(choice.detail, width).join('\n'), choice.description].filter(Boolean).join('\n');
}

function hints(keys: [string, string][]): string {
  return keys
    .map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', action)}`)
    .join(styleText('dim', ' • '));
}

type Item<T> = SelectChoice<T> | Separator;

export const choicePrompt = createPrompt(<T>(config: ChoicePromptConfig<T>, done: (value: T) => void): string => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const items: Item<T>[] = useMemo(
    () => config.choices.map((c) => (isSeparator(c) ? new Separator(c.separator) : c)),
    [config.choices],
  );
  const choiceAt = (i: number): SelectChoice<T> | undefined => {
    const item = items[i];
    return item === undefined || Separator.isSeparator(item) ? undefined : item;
  };
  const start = items.findIndex(
    (item, i) =>
      choiceAt(i) !== undefined &&
      !choiceAt(i)!.disabled &&
      'default' in config &&
      choiceAt(i)!.value === config.default,
  );
  const [active, setActive] = useState(start === -1 ? items.findIndex((_, i) => choiceAt(i) !== undefined) : start);
  const [error, setError] = useState<string | undefined>(undefined);
  const shortcuts = items.flatMap((_, i) => (choiceAt(i)?.shortcut ? [{ index: i, ...choiceAt(i)!.shortcut! }] : []));

  const take = (i: number) => {
    const choice = choiceAt(i)!;
    setActive(i);
    if (choice.disabled) {
      setError(`${choice.name} ${choice.disabled}`);
      return;
    }
    setStatus('done');
    done(choice.value);
  };

  useKeypress((key, rl) => {
    clearTimeout(typingTimer.current);
    setError(undefined);
    const forgetTyping = () => {
      typingTimer.current = setTimeout(() => rl.clearLine(0), TYPING_PAUSE_MS);
    };
    const shortcut = key.ctrl ? undefined : shortcuts.find((s) => s.key === key.name);
    if (isEnterKey(key)) {
      take(active);
    } else if (shortcut) {
      rl.clearLine(0);
      take(shortcut.index);
    } else if (isUpKey(key, theme.keybindings) || isDownKey(key, theme.keybindings)) {
      rl.clearLine(0);
      const step = isUpKey(key, theme.keybindings) ? -1 : 1;
      let next = active;
      do next = (next + step + items.length) % items.length;
      while (choiceAt(next) === undefined);
      setActive(next);
    } else if (isNumberKey(key) && !Number.isNaN(Number(rl.line))) {
      // The nth choice, not counting separators.
      const wanted = Number(rl.line) - 1;
      const position = items.map((_, i) => i).filter((i) => choiceAt(i) !== undefined)[wanted];
      if (position !== undefined && !choiceAt(position)!.disabled) setActive(position);
      forgetTyping();
    } else if (isBackspaceKey(key)) {
      rl.clearLine(0);
    } else {
      const typed = rl.line.toLowerCase();
      const match = items.findIndex(
        (_, i) =>
          choiceAt(i) !== undefined && !choiceAt(i)!.disabled && choiceAt(i)!.name.toLowerCase().startsWith(typed),
      );
      if (match !== -1) setActive(match);
      forgetTyping();
    }
  });
  useEffect(() => () => clearTimeout(typingTimer.current), []);

  const rows = config.rows() ?? DEFAULT_ROWS;
  const layout = chooseLayout(config.choices, config.width, rows, config.above);
  const page = usePagination<Item<T>>({
    items,
    active,
    renderItem({ item, isActive }) {
      if (Separator.isSeparator(item)) return ` ${item.separator}`;
      const cursor = isActive ? figures.pointer : item.disabled ? '-' : ' ';
      const name = item.disabled
        ? theme.style.help(`${cursor} ${item.name} ${item.disabled}`)
        : `${cursor} ${item.name}`;
      const line = isActive ? theme.style.highlight(name) : name;
      if (layout === 'highlighted' || item.detail === undefined) return line;
      return [line, ...detailLines(item.detail, config.width)].join('\n');
    },
    // Every line at once when it fits; else as many as leave room for the message and the hints.
    pageSize: Math.max(MIN_PAGE, rows - 4),
    loop: true,
  });
  const message = theme.style.message(config.message, status);
  const chosen = choiceAt(active)!;
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(chosen.short ?? chosen.name)}`;
  const description = descriptionOf(chosen, layout, config.width);
  const keyHints = hints([
    ...(config.keys ?? DEFAULT_KEYS),
    ...shortcuts.map((s): [string, string] => [s.key, s.hint]),
  ]);
  return [
    `${prefix} ${message}`,
    page,
    ' ',
    description ? styleText('cyan', description) : '',
    error ? theme.style.error(error) : '',
    keyHints,
  ]
    .filter(Boolean)
    .join('\n')
    .concat(CURSOR_HIDE);
});
