import { getMetadataStorage } from 'class-validator';
import Handlebars from 'handlebars';
import { payloadClassOf, currentVersionOf, type EventType } from '#domain';
import { HELPER_NAMES } from './template-helpers.js';
import { DIGEST_SOURCE, type TemplateSource } from './template.js';

type Node = hbs.AST.Node;

/** What every template may use besides its event's payload: filled from notifications' own copies. */
export const COMMON_VARIABLES = [
  'receiptNumber',
  'procedure',
  'procedureName',
  'teamName',
  'recipientName',
  'siteUrl',
] as const;

/** Variables of the agents' digest (not an event: notifications builds it). */
export const DIGEST_VARIABLES = ['day', 'newFiles', 'deadlines'] as const;

/** The variables a template of this source may use: the payload class's declared fields and the common ones. */
export function declaredVariables(source: TemplateSource): Set<string> {
  if (source === DIGEST_SOURCE) return new Set([...DIGEST_VARIABLES, ...COMMON_VARIABLES]);
  const payloadClass = payloadClassOf(source, currentVersionOf(source as EventType));
  if (!payloadClass) throw new Error(`${source} is not in the event catalogue`);
  const fields = getMetadataStorage()
    .getTargetValidationMetadatas(payloadClass, '', true, false)
    .map((metadata) => metadata.propertyName);
  return new Set([...fields, ...COMMON_VARIABLES]);
}

/**
 * The root variables a Handlebars template reads, and the helpers it calls. Inside `each`/`with` blocks the paths
 * are relative to the item and are not collected (only the block's own argument is).
 */
export function usedNames(source: string): { variables: Set<string>; helpers: Set<string> } {
  const variables = new Set<string>();
  const helpers = new Set<string>();
  const path = (node: Node, scoped: boolean) => {
    if (node.type !== 'PathExpression') return;
    const expression = node as hbs.AST.PathExpression;
    if (scoped || expression.data || expression.parts.length === 0 || expression.original === 'this') return;
    variables.add(expression.parts[0]);
  };
  const call = (
    node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression,
    scoped: boolean,
  ) => {
    const name = (node.path as hbs.AST.PathExpression).original;
    const isCall = node.type !== 'MustacheStatement' || node.params.length > 0 || !!node.hash;
    if (isCall) helpers.add(name);
    else path(node.path, scoped);
    for (const param of node.params) visit(param, scoped);
    for (const pair of node.hash?.pairs ?? []) visit(pair.value, scoped);
  };
  const visit = (node: Node | undefined, scoped: boolean): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const statement of (node as hbs.AST.Program).body) visit(statement, scoped);
        return;
      case 'MustacheStatement':
      case 'SubExpression':
        call(node as hbs.AST.MustacheStatement, scoped);
        return;
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        call(block, scoped);
        const name = (block.path as hbs.AST.PathExpression).original;
        visit(block.program, scoped || name === 'each' || name === 'with');
        visit(block.inverse, scoped);
        return;
      }
      default:
        path(node, scoped);
    }
  };
  visit(Handlebars.parse(source), false);
  return { variables, helpers };
}

/** Problems of one template text against its declared variables; empty when it is sound. */
export function templateProblems(text: string, declared: ReadonlySet<string>): string[] {
  const { variables, helpers } = usedNames(text);
  const problems: string[] = [];
  for (const variable of variables) {
    if (!declared.has(variable)) problems.push(`uses {{${variable}}}, which its event does not declare`);
  }
  for (const helper of helpers) {
    if (!HELPER_NAMES.has(helper)) problems.push(`calls the unknown helper "${helper}"`);
  }
  return problems;
}
