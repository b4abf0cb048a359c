/**
 * The pseudo-locale: every letter accented (so untranslated text stands out), 40% longer (German and Finnish run
 * that much longer than English, so a layout that survives it survives them) and bracketed (so clipped ends
 * show). Only the message's own text changes; arguments such as file names and ICU syntax stay as they are.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [letter, [...'àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
);

export function accent(text: string): string {
  return [...text].map((c) => ACCENTED[c] ?? c).join('');
}

function literalLength(elements: readonly MessageFormatElement[]): number {
  let total = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) total += element.value.length;
    else if (element.type === TYPE.tag) total += literalLength(element.children);
    else if (element.type === TYPE.plural || element.type === TYPE.select) {
      // Pads by the longest branch, so every branch comes out at least 40% longer.
      total += Math.max(0, ...Object.values(element.options).map((option) => literalLength(option.value)));
    }
  }
  return total;
}

function accentElements(elements: readonly MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if (element.type === TYPE.tag) return { ...element, children: accentElements(element.children) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: accentElements(option.value) }]));
      return { ...element, options } as MessageFormatElement;
    }
    return element;
  });
}

/** The pseudo-localized form of a parsed English message. */
export function pseudoLocalize(elements: readonly MessageFormatElement[]): MessageFormatElement[] {
  const padding = '·'.repeat(Math.ceil(literalLength(elements) * 0.4));
  return [
    { type: TYPE.literal, value: '[' },
    ...accentElements(elements),
    { type: TYPE.literal, value: `${padding ? ` ${padding}` : ''}]` },
  ];
}
