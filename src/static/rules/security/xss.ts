import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { calleeMethod, callTarget, receiverName } from '../../taint/call-target.js';
import { lowerSeverity, reportTaint } from '../../taint/report-taint.js';
import { replaceNodeText } from '../../taint/replace-node-text.js';
import type { TaintVerdict } from '../../taint/types.js';

const HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
const RESPONSE_WRITERS = new Set(['send', 'write', 'end']);
const CALL_SINKS = new Set(['insertAdjacentHTML', 'write', 'writeln', 'compile', ...RESPONSE_WRITERS]);
const EXPRESS_RESPONSES = new Set(['res', 'response']);
const KOA_CONTEXTS = new Set(['ctx', 'context']);
/** Calls whose result is meant to be markup (`marked(md)`, `md.render(src)`, `renderToString(el)`). */
const RENDERERS = /render|markdown|marked|html|template|compile|format/i;
const HTML_TYPE = /html/i;
const HANDLEBARS = /handlebars|hbs/i;
const DOM_FIX = 'Set `textContent` for text, or sanitise the markup first (`DOMPurify.sanitize(html)`).';
const DOM_IMPACT = 'a `<script>` or `onerror=` in it runs in the visitor\'s browser with their session';

/**
 * Cross-site scripting: HTML built from values that are not constants reaching `innerHTML`/`outerHTML`/
 * `srcdoc`, `insertAdjacentHTML`, `document.write`, React's `dangerouslySetInnerHTML` or Handlebars'
 * `SafeString` (graded by taint); input sent as an HTML response by Express `res.send`/`write`/`end`
 * (unless a non-HTML type is set in the same chain), Fastify `reply.send` with an HTML type, or a Koa
 * `ctx.body` (of unknown origin only `info`: such responses are the norm; `res.json` is safe); and Handlebars
 * templates compiled with `noEscape: true`. Offers `textContent`/`insertAdjacentText` for input that is
 * plain text (not markup assembled in code).
 */
export const xss: StaticRule = {
  doc: {
    id: 'xss',
    title: 'Cross-site scripting (XSS)',
    severity: 'high',
    category: 'security',
    help:
      'Text inserted as HTML is parsed as HTML: a `<script>` or an `onerror=` handler in it runs in the ' +
      'visitor\'s browser, with their cookies and session. Insert text as text (`textContent`, JSX `{value}`, ' +
      '`res.json`), escape it for HTML (`escape-html`, the template engine\'s escaping), or sanitise markup ' +
      'that must stay markup with DOMPurify.' +
      ' HTML of unknown origin written to the DOM is reported one grade lower (confidence 0.55); responses of unknown origin are listed at `info` (0.3).',
  },
  create(ctx) {
    const dom = (node: TSESTree.Node, value: TSESTree.Node, reaches: string, fixed?: { target: TSESTree.Node; replacement: string }): void =>
      ctx.atEnd(() => {
        const verdict = ctx.taint.of(value, 'html');
        const suggestion = fixed !== undefined && isPlainText(ctx, value) ? replaceNodeText(ctx.lines, node, fixed.target, fixed.replacement) : undefined;
        reportTaint(ctx, { node, value, verdict, sink: 'html', reaches, impact: DOM_IMPACT, fix: DOM_FIX, unknown: 'lower', ...(suggestion === undefined ? {} : { suggestion }) });
      });

    /** Call from `atEnd`. */
    const response = (node: TSESTree.Node, value: TSESTree.Node, reaches: string): void => {
      const shape = ctx.taint.origin(value);
      if (shape.type === 'ObjectExpression' || shape.type === 'ArrayExpression') return;
      reportTaint(ctx, {
        node,
        value,
        verdict: ctx.taint.of(value, 'html'),
        sink: 'html',
        reaches,
        impact: DOM_IMPACT,
        fix: 'Escape it for HTML (`escape-html`), render it through an escaping template, or send JSON (`res.json()`) or set a non-HTML content type.',
        unknown: 'ambient',
      });
    };

    /** The work for a call whose name passed the handler's test (kept out of the handler: see `RuleVisitor`). */
    const onCall = (node: TSESTree.CallExpression): void => {
      const t = callTarget(node);
      if (t === null || t.receiver === null) return;
      const { method, receiver } = t;
      if (method === 'insertAdjacentHTML' && node.arguments[1] !== undefined && node.arguments[1].type !== 'SpreadElement') {
        const callee = node.callee as TSESTree.MemberExpression;
        dom(node, node.arguments[1], '`insertAdjacentHTML()`', { target: callee.property, replacement: 'insertAdjacentText' });
      } else if ((method === 'write' || method === 'writeln') && receiverName(receiver) === 'document') {
        for (const a of node.arguments) if (a.type !== 'SpreadElement') dom(node, a, `\`document.${method}()\``);
      } else if (RESPONSE_WRITERS.has(method)) {
        const first = node.arguments[0];
        if (first === undefined || first.type === 'SpreadElement') return;
        // Never reported (a constant is safe, an object or array goes out as JSON): spare the taint tracker the question.
        const value = unwrap(first);
        if (value.type === 'Literal' || value.type === 'ObjectExpression' || value.type === 'ArrayExpression' || (value.type === 'TemplateLiteral' && value.expressions.length === 0)) return;
        const root = writerRoot(receiver);
        if (root === null) return;
        ctx.atEnd(() => {
          if (root.name === 'reply' || EXPRESS_RESPONSES.has(root.name) || ctx.taint.roleOf(root) === 'response') {
            response(node, first, `\`${root.name}.${method}()\`, which is served as HTML`);
          }
        });
      } else if (method === 'compile' && HANDLEBARS.test(receiverName(receiver) ?? '')) {
        ctx.atEnd(() => reportNoEscape(ctx, node));
      }
    };
    /** `ctx.body = x` in Koa (kept out of the handler: see `RuleVisitor`). */
    const koaBody = (node: TSESTree.AssignmentExpression, ctxParam: TSESTree.Identifier): void => {
      ctx.atEnd(() => {
        if (ctx.taint.roleOf(ctxParam) === 'request') response(node, node.right, '`ctx.body`, which Koa serves as HTML when it looks like HTML');
      });
    };
    return {
      AssignmentExpression(node) {
        const left = node.left;
        if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') return;
        if (node.operator !== '=' && node.operator !== '+=') return;
        const prop = left.property.name;
        if (HTML_PROPERTIES.has(prop)) {
          const fixed = prop === 'innerHTML' && node.operator === '=' ? { target: left.property, replacement: 'textContent' } : undefined;
          dom(node, node.right, `\`${prop}\``, fixed);
        } else if (prop === 'body' && left.object.type === 'Identifier' && KOA_CONTEXTS.has(left.object.name)) {
          koaBody(node, left.object);
        }
      },
      CallExpression(node) {
        const name = calleeMethod(node);
        if (name === null || !CALL_SINKS.has(name)) return;
        onCall(node);
      },
      NewExpression(node) {
        if (calleeMethod(node) !== 'SafeString') return;
        const t = callTarget(node);
        const first = node.arguments[0];
        if (t?.method !== 'SafeString' || first === undefined || first.type === 'SpreadElement') return;
        dom(node, first, 'a Handlebars `SafeString`, which is output without escaping');
      },
      JSXAttribute(node) {
        if (node.name.type !== 'JSXIdentifier' || node.name.name !== 'dangerouslySetInnerHTML') return;
        if (node.value?.type !== 'JSXExpressionContainer' || node.value.expression.type === 'JSXEmptyExpression') return;
        dom(node, htmlOf(node.value.expression), '`dangerouslySetInnerHTML`');
      },
      Property(node) {
        if (node.computed || node.key.type !== 'Identifier' || node.key.name !== 'dangerouslySetInnerHTML' || ctx.parent(node)?.type !== 'ObjectExpression') return;
        dom(node, htmlOf(node.value), '`dangerouslySetInnerHTML`');
      },
    };
  },
};

/** The `__html` of `{ __html: x }`, or the whole expression. */
function htmlOf(expr: TSESTree.Node): TSESTree.Node {
  const e = unwrap(expr);
  if (e.type !== 'ObjectExpression') return e;
  for (const p of e.properties) if (p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === '__html') return p.value;
  return e;
}

/**
 * The name at the root of a response chain (`res` in `res.status(200).send(x)`) when it can be an Express
 * response or a Fastify reply: `reply` only after an HTML type is set in the chain, any other name unless a
 * non-HTML content type is set earlier in it (`res.type('json').send(x)`). Read from the syntax; whether a name
 * other than `reply`, `res` and `response` is a handler's response is the taint tracker's to say.
 */
function writerRoot(receiver: TSESTree.Node): TSESTree.Identifier | null {
  let type: 'html' | 'other' | null = null;
  let n = unwrap(receiver);
  while (n.type === 'CallExpression') {
    const t = callTarget(n);
    if (t === null || t.receiver === null) return null;
    const [a, b] = n.arguments;
    if (type === null && (t.method === 'type' || t.method === 'contentType')) type = typeOf(a);
    if (type === null && (t.method === 'set' || t.method === 'header' || t.method === 'setHeader') && isContentTypeName(a)) type = typeOf(b);
    n = t.receiver;
  }
  if (n.type !== 'Identifier') return null;
  if (n.name === 'reply') return type === 'html' ? n : null;
  return type === 'other' ? null : n;
}

function isContentTypeName(n: TSESTree.Node | undefined): boolean {
  return n?.type === 'Literal' && typeof n.value === 'string' && n.value.toLowerCase() === 'content-type';
}

function typeOf(n: TSESTree.Node | undefined): 'html' | 'other' | null {
  if (n?.type !== 'Literal' || typeof n.value !== 'string') return null;
  return HTML_TYPE.test(n.value) ? 'html' : 'other';
}

/**
 * Input inserted as it came (not markup assembled around it, not the output of a renderer), where text is the
 * evident intent, so `textContent` shows what `innerHTML` was meant to.
 */
function isPlainText(ctx: RuleContext, value: TSESTree.Node): boolean {
  const verdict: TaintVerdict = ctx.taint.of(value, 'html');
  if (verdict.kind !== 'tainted') return false;
  const shape = ctx.taint.origin(value);
  if (shape.type === 'TemplateLiteral' || shape.type === 'BinaryExpression') return false;
  if (shape.type === 'CallExpression' || shape.type === 'AwaitExpression') return !RENDERERS.test(receiverName(shape) ?? '');
  return true;
}

function reportNoEscape(ctx: RuleContext, node: TSESTree.CallExpression): void {
  const options = node.arguments[1];
  if (options?.type !== 'ObjectExpression') return;
  const off = options.properties.some(
    (p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'noEscape' && p.value.type === 'Literal' && p.value.value === true,
  );
  if (!off) return;
  ctx.report({
    node,
    severity: lowerSeverity(ctx.severity),
    confidence: 0.6,
    message:
      '`noEscape: true` turns off HTML escaping for every `{{value}}` in this template, so any value that can hold user input injects HTML and scripts. Remove `noEscape` and use `{{{triple}}}` only for markup you produced and trust.',
  });
}
