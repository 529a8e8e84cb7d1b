// Local lint rules that keep the modular monolith's boundaries (see docs/architecture.md):
// - a domain reaches another domain only through its index.ts;
// - rules/schema files stay isomorphic (no node:*, no platform, no store/service/routes);
// - the web app imports only isomorphic domain files and never the platform;
// - file names are kebab-case.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const rel = (file) => path.relative(root, file).split(path.sep).join('/');

function resolveImport(fromFile, source) {
  if (!source.startsWith('.')) return null;
  return rel(path.resolve(path.dirname(fromFile), source));
}

const domainOf = (p) => /^src\/domains\/([^/]+)\//.exec(p)?.[1] ?? null;
const isIsomorphicFile = (p) => /(^|[-/])(schema|rules|enums|labels|catalogue|tables|limits|decimal|dates?|date-math|iso-date|local-date|config|port|types)(\.json)?$|\/data\/|\.json$/.test(p.replace(/\.(ts|tsx)$/, ''));
const isServerOnlyName = (p) => /(^|[-/])(store|service|routes|seed|demo|bench|metrics|jobs?|import)$/.test(p.replace(/\.(ts|tsx)$/, ''));

export const domainBoundaries = {
  meta: { type: 'problem', schema: [], messages: { msg: '{{text}}' } },
  create(context) {
    const file = rel(context.filename);
    const fromDomain = domainOf(file);
    const inWeb = file.startsWith('src/web/');
    const base = file.replace(/\.(ts|tsx)$/, '');
    const isRulesOrSchema = fromDomain && /(^|[-/])(rules|schema)$/.test(base) && !/\.test$/.test(base);
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const report = (text) => context.report({ node, messageId: 'msg', data: { text } });
      if ((isRulesOrSchema || inWeb) && source.startsWith('node:')) return report(`${file} must stay isomorphic: no ${source}`);
      const target = resolveImport(context.filename, source);
      if (!target) return;
      if ((isRulesOrSchema || inWeb) && target.startsWith('src/platform/')) return report(`${file} must not import server plumbing (${target})`);
      if (isRulesOrSchema && isServerOnlyName(target)) return report(`rules/schema files must not import ${target}`);
      const toDomain = domainOf(target);
      if (inWeb && toDomain && (!isIsomorphicFile(target) || isServerOnlyName(target))) {
        return report(`the web app may import only isomorphic domain files (schema, rules, enums…), not ${target}`);
      }
      if (fromDomain && toDomain && fromDomain !== toDomain) {
        const allowed = target === `src/domains/${toDomain}` || target === `src/domains/${toDomain}/index` || (isRulesOrSchema && isIsomorphicFile(target));
        if (!allowed) return report(`domain ${fromDomain} must use ${toDomain}'s index.ts, not ${target}`);
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const kebabCaseFiles = {
  meta: { type: 'suggestion', schema: [], messages: { msg: 'file names are kebab-case: {{name}}' } },
  create(context) {
    return {
      Program(node) {
        const name = path.basename(context.filename);
        if (!/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)*$/.test(name)) context.report({ node, messageId: 'msg', data: { name } });
      },
    };
  },
};
