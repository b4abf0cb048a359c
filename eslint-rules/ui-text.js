// Every word a person reads comes from the message catalogue (common/i18n): these rules catch text written
// straight into a component, an error or the CLI's output, so no language is left half translated.

const LETTER = /\p{L}/u;

/** Attributes whose value people read (or hear from a screen reader). */
const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'alt', 'label']);

/** True when an expression is, or builds, text with letters written in the source. */
function hasWrittenText(node) {
  if (!node) return false;
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' && LETTER.test(node.value);
    case 'TemplateLiteral':
      return node.quasis.some((quasi) => LETTER.test(quasi.value.cooked ?? quasi.value.raw));
    case 'BinaryExpression':
      return node.operator === '+' && (hasWrittenText(node.left) || hasWrittenText(node.right));
    case 'ConditionalExpression':
      return hasWrittenText(node.consequent) || hasWrittenText(node.alternate);
    case 'LogicalExpression':
      return hasWrittenText(node.right);
    default:
      return false;
  }
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
     * `io.out('text')` / `io.warn('text')`. The option `sinks` names further functions whose arguments are read.
     */
    'no-literal-message': {
      meta: {
        type: 'problem',
        schema: [{ type: 'object', properties: { sinks: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
        messages: { text: "Text people read comes from the catalogue: t('area.id') (common/i18n)." },
      },
      create(context) {
        const sinks = new Set(context.options[0]?.sinks ?? []);
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
            if (calleeName(node.callee) === 'WharfError' && node.arguments.slice(1, 2).some(hasWrittenText)) context.report({ node: node.arguments[1], messageId: 'text' });
          },
          CallExpression(node) {
            if (!isCliOutput(node.callee) && !sinks.has(calleeName(node.callee))) return;
            for (const argument of node.arguments) if (hasWrittenText(argument)) context.report({ node: argument, messageId: 'text' });
          },
        };
      },
    },
  },
};
