import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../../ast-helpers.js';
import type { RuleContext, StaticRule } from '../../rule.js';
import { calleeMethod, callTarget, receiverName } from '../../taint/call-target.js';
import { reportTaint } from '../../taint/report-taint.js';

const RESPONSES = new Set(['res', 'response', 'reply']);
const KOA_CONTEXTS = new Set(['ctx', 'context']);
const WINDOWS = new Set(['window', 'self', 'globalThis', 'top']);
const LOCATION_OWNERS = new Set([...WINDOWS, 'document']);
/** A constant start that pins the destination: a same-site path (`/x`, not `//host`), a fixed origin, `?`, `#`, `./`. */
const PINNED = /^(?:\/(?![/\\])|\.\/|[?#]|[a-z][a-z\d+.-]*:\/\/[^/?#\\@]+[/?#])/i;
const FIX =
  'Redirect only to paths on your own site (check it starts with a single `/` and not `//` or `/\\`), or look the destination up in an allow-list of known URLs.';

/**
 * User input used as a redirect destination: Express/Fastify `res.redirect` (the URL is the last
 * argument), Koa `ctx.redirect`, `NextResponse.redirect`, Next's `redirect()`, and in the browser
 * `location = ...`, `location.href = ...`, `location.assign/replace(...)`, `window.open(...)`. Safe when a
 * constant prefix pins the destination (`'/profile/' + id`, `` `https://example.com/${path}` ``, `'/login?next='
 * + encodeURIComponent(url)`). Destinations of unknown origin are routine: `info` only
 * (see `UnknownGrade`).
 */
export const openRedirect: StaticRule = {
  // Necessary for any finding: `redirect()`, `location` and `window.open`.
  needs: ['redirect', 'location', 'open'],
  doc: {
    id: 'open-redirect',
    title: 'Open redirect',
    severity: 'medium',
    category: 'security',
    help:
      'Redirecting to a URL taken from the request lets anyone craft a link on your domain that lands on ' +
      'theirs: a convincing start for phishing, and a way to leak OAuth codes and tokens. Redirect only to ' +
      'same-site paths (a single leading `/`, never `//` or `/\\`) or to entries of an allow-list.' +
      ' Values of unknown origin (neither constants nor traced to input) are listed at `info` with confidence 0.3: JSON and SARIF output with `min_severity: info` show them, reviews do not.',
  },
  create(ctx) {
    const check = (node: TSESTree.Node, destination: TSESTree.Node, reaches: string): void =>
      ctx.atEnd(() => {
        // `new URL(path, base)` leaves the base's site only when `path` is absolute: judge `path`.
        const made = ctx.taint.origin(destination);
        const value = made.type === 'NewExpression' && callTarget(made)?.method === 'URL' && made.arguments.length === 2 && made.arguments[0]!.type !== 'SpreadElement' ? made.arguments[0]! : destination;
        if (PINNED.test(ctx.taint.prefixOf(value))) return;
        reportTaint(ctx, {
          node,
          value,
          verdict: ctx.taint.of(value, 'redirect'),
          sink: 'redirect',
          reaches,
          impact: 'a link on your domain can send visitors to a site of their choosing (phishing, leaked tokens)',
          fix: FIX,
          unknown: 'ambient',
        });
      });

    /** The work for a call whose name passed the handler's test (kept out of the handler: see `RuleVisitor`). */
    const onCall = (node: TSESTree.CallExpression): void => {
      const t = callTarget(node);
      const last = node.arguments[node.arguments.length - 1];
      if (t === null || last === undefined || last.type === 'SpreadElement') return;
      const { method, receiver } = t;
      if (method === 'redirect') {
        const first = node.arguments[0]!;
        ctx.atEnd(() => {
          const kind = redirector(ctx, receiver, node.callee);
          if (kind === 'response') check(node, last, '`redirect()` as the destination');
          else if (kind === 'first' && first.type !== 'SpreadElement') check(node, first, '`redirect()` as the destination');
        });
      } else if ((method === 'assign' || method === 'replace') && isLocation(receiver)) {
        check(node, node.arguments[0]!, `\`location.${method}()\``);
      } else if (method === 'open' && receiver !== null && WINDOWS.has(receiverName(receiver) ?? '')) {
        check(node, node.arguments[0]!, '`window.open()`');
      }
    };
    return {
      CallExpression(node) {
        const name = calleeMethod(node);
        if (name !== 'redirect' && name !== 'assign' && name !== 'replace' && name !== 'open') return;
        onCall(node);
      },
      AssignmentExpression(node) {
        if (node.operator !== '=') return;
        const left = node.left;
        if (isLocation(left) || (left.type === 'MemberExpression' && !left.computed && left.property.type === 'Identifier' && left.property.name === 'href' && isLocation(left.object))) {
          check(node, node.right, '`location` as the new address');
        }
      },
    };
  },
};

/**
 * How a `redirect` call takes its URL: `response` (last argument: `res.redirect([status,] url)`,
 * `ctx.redirect(url)`), `first` (`NextResponse.redirect(url)`, Next's `redirect(url)`), or null.
 */
function redirector(ctx: RuleContext, receiver: TSESTree.Node | null, callee: TSESTree.Node): 'response' | 'first' | null {
  if (receiver === null) return (ctx.taint.moduleOf(callee) ?? '').startsWith('next/') ? 'first' : null;
  const r = unwrap(receiver);
  if (r.type !== 'Identifier') return null;
  if (r.name === 'NextResponse' || r.name === 'Response') return 'first';
  if (RESPONSES.has(r.name)) return 'response';
  const role = ctx.taint.roleOf(r);
  if (role === 'response' || (role === 'request' && KOA_CONTEXTS.has(r.name))) return 'response';
  return null;
}

/** `location`, `window.location`, `document.location`, `self.location`. */
function isLocation(node: TSESTree.Node | null): boolean {
  if (node === null) return false;
  const n = unwrap(node);
  if (n.type === 'Identifier') return n.name === 'location';
  return n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && n.property.name === 'location' && LOCATION_OWNERS.has(receiverName(n.object) ?? '');
}
