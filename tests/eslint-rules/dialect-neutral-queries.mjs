// @ts-check
/**
 * The data-access rule of src/server/db/connection.ts, checked with the
 * types rather than the text: a drizzle query is run by awaiting it, never
 * by SQLite's synchronous `.get()`, `.all()`, `.run()` or `.values()`, and a
 * transaction opens through `transaction()` of src/server/db/transaction.ts,
 * never through drizzle's own `.transaction()`. Either would work on SQLite
 * and fail on PostgreSQL, whose builders do not have them (or whose
 * transactions need a connection of their own).
 *
 * A call is reported when the method it calls is declared by drizzle-orm,
 * whatever the receiver's name: `cache.get(key)`, a better-sqlite3
 * statement's `.get()` in a SQLite-only tool or `Object.values(x)` are not
 * drizzle's and pass. Files without type information (an .astro page's
 * frontmatter) are left to the syntax rules in tests/eslint.config.mjs.
 */

/** drizzle's synchronous SQLite terminals (on a query builder, or on the database with raw SQL). */
const TERMINALS = new Set(['get', 'all', 'run', 'values']);

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: "Queries are awaited and transactions open through transaction(): nothing that only drizzle's SQLite dialect has." },
    messages: {
      terminal: "`.{{name}}()` runs a query on SQLite only: await the query instead (take the first row with `const [row] = await …limit(1)`).",
      transaction: "Open transactions with transaction() from src/server/db/transaction.ts: drizzle's own `.transaction()` does not nest and differs between the databases.",
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (!services?.program || !services.esTreeNodeToTSNodeMap) return {};
    const checker = services.program.getTypeChecker();
    const map = services.esTreeNodeToTSNodeMap;
    /** @param {import('estree').Node} node */
    const declaredByDrizzle = (node) => {
      const symbol = checker.getSymbolAtLocation(map.get(/** @type {never} */ (node)));
      return (symbol?.declarations ?? []).some((/** @type {import('typescript').Declaration} */ d) => /[\\/]drizzle-orm[\\/]/.test(d.getSourceFile().fileName));
    };
    return {
      /** @param {import('estree').CallExpression} call */
      CallExpression(call) {
        const callee = call.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        const name = callee.property.name;
        // `.values(rows)` is an insert's; only the bare `.values()` is the SQLite terminal.
        const terminal = TERMINALS.has(name) && (name !== 'values' || call.arguments.length === 0);
        if (!terminal && name !== 'transaction') return;
        if (!declaredByDrizzle(callee.property)) return;
        context.report({ node: callee.property, messageId: terminal ? 'terminal' : 'transaction', data: { name } });
      },
    };
  },
};
