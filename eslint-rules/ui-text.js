// Every word a person reads comes from the message catalogue (common/i18n): these rules catch text written
// straight into a component, an error or the CLI's output, so no language is left half translated.

const LETTER = /\p{L}/u;

/** Attributes whose value people read (or hear from a screen reader). */
const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'alt', 'label']);

/**
 * Words of a sentence rather than a code: a letter followed by a space, or a letter closing the text with
 * sentence punctuation ("Only here.", "Only ${side}."; not 'answered', 'untrusted-sender', 'doctor.mark.warning').
 */
const SENTENCE = /\p{L}\s+\S|\p{L}[.!?…]$/u;

/** True when an expression is, or builds, text written in the source that `isText` accepts. */
function hasWrittenText(node, isText = (text) => LETTER.test(text)) {
  if (!node) return false;
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' && isText(node.value);
    case 'TemplateLiteral':
      // The placeholders stand for words: `Only ${side}.` reads as "Only x.".
      return node.quasis.some((quasi) => LETTER.test(quasi.value.cooked ?? quasi.value.raw)) && isText(node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('x'));
    case 'BinaryExpression':
      return node.operator === '+' && (hasWrittenText(node.left, isText) || hasWrittenText(node.right, isText));
    case 'ConditionalExpression':
      return hasWrittenText(node.consequent, isText) || hasWrittenText(node.alternate, isText);
    case 'LogicalExpression':
      return hasWrittenText(node.right, isText);
    default:
      return false;
  }
}

/** Written text that reads as a sentence: what a field or list of read text must not hold, where codes are fine. */
function hasWrittenSentence(node) {
  return hasWrittenText(node, (text) => SENTENCE.test(text));
}

export const uiTextPlugin = {
  rules: {
    'no-literal-jsx-text': {
      meta: { type: 'problem', schema: [], messages: { text: "Text people read comes from the catalogue: t('area.id') (common/i18n)." } },
      create(context) {
        return {
          JSXText(node) {
            if (LETTER.test(node.value)) context.report({ node, messageId: 'text' });
          },
          JSXAttribute(node) {
            const name = typeof node.name.name === 'string' ? node.name.name : '';
            if (!READ_ATTRIBUTES.has(name) || !node.value) return;
            const value = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
            if (hasWrittenText(value)) context.report({ node: node.value, messageId: 'text' });
          },
          // {'Download'} and {`${n} files`} inside JSX children.
          'JSXElement > JSXExpressionContainer, JSXFragment > JSXExpressionContainer'(node) {
            if (hasWrittenText(node.expression)) context.report({ node, messageId: 'text' });
          },
        };
      },
    },
    /**
     * Messages that reach people from main and the CLI: `new WharfError(kind, 'text')` and the CLI's
     * `io.out('text')` / `io.warn('text')`. The option `sinks` names further functions whose arguments are read;
     * `properties` names fields of the models whose value people read (a compare row's `explanation`, a sync
     * action's `reason`: `{ reason: `Only ${side}.` }`), and `lists` names arrays of read text (`notes.push(...)`).
     * A field inside an error's `detail` is data for code (`detail: { reason: 'unknown-plan' }`), not text.
     */
    'no-literal-message': {
      meta: {
        type: 'problem',
        schema: [
          {
            type: 'object',
            properties: {
              sinks: { type: 'array', items: { type: 'string' } },
              properties: { type: 'array', items: { type: 'string' } },
              lists: { type: 'array', items: { type: 'string' } },
            },
            additionalProperties: false,
          },
        ],
        messages: { text: "Text people read comes from the catalogue: t('area.id') (common/i18n)." },
      },
      create(context) {
        const sinks = new Set(context.options[0]?.sinks ?? []);
        const readProperties = new Set(context.options[0]?.properties ?? []);
        const lists = new Set(context.options[0]?.lists ?? []);
        const keyName = (property) => (property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : '');
        // `detail: { reason: ... }` is data for code; `t(id, { reason: ... })` gives a message its arguments.
        const isDataField = (property) => {
          const object = property.parent;
          const holder = object?.parent;
          if (holder?.type === 'Property' && holder.value === object && keyName(holder) === 'detail') return true;
          return holder?.type === 'CallExpression' && holder.arguments.includes(object) && calleeName(holder.callee) === 't';
        };
        // `notes.push(...)`, `this.notes.push(...)`
        const isListPush = (callee) =>
          callee.type === 'MemberExpression' &&
          callee.property.type === 'Identifier' &&
          callee.property.name === 'push' &&
          lists.has(calleeName(callee.object));
        const calleeName = (callee) => (callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '');
        // `io.out(...)`, `this.io.warn(...)`: the CLI's output. Log lines (`log('info', ...)`, `warn(...)`) are the
        // FTP command log, which stays in the protocol's language like the commands and replies around it.
        const isCliOutput = (callee) =>
          callee.type === 'MemberExpression' &&
          callee.property.type === 'Identifier' &&
          (callee.property.name === 'out' || callee.property.name === 'warn') &&
          (callee.object.type === 'Identifier' ? callee.object.name === 'io' : callee.object.type === 'MemberExpression' && callee.object.property.type === 'Identifier' && callee.object.property.name === 'io');
        return {
          NewExpression(node) {
            if (calleeName(node.callee) === 'WharfError' && node.arguments.slice(1, 2).some((argument) => hasWrittenText(argument))) context.report({ node: node.arguments[1], messageId: 'text' });
          },
          Property(node) {
            if (node.computed || !readProperties.has(keyName(node)) || isDataField(node)) return;
            if (hasWrittenSentence(node.value)) context.report({ node: node.value, messageId: 'text' });
          },
          CallExpression(node) {
            if (isListPush(node.callee)) {
              for (const argument of node.arguments) if (hasWrittenSentence(argument)) context.report({ node: argument, messageId: 'text' });
              return;
            }
            if (!isCliOutput(node.callee) && !sinks.has(calleeName(node.callee))) return;
            for (const argument of node.arguments) if (hasWrittenText(argument)) context.report({ node: argument, messageId: 'text' });
          },
        };
      },
    },
  },
};
