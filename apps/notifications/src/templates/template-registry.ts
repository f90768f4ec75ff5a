import Handlebars from 'handlebars';
import { TEMPLATE_HELPERS } from './template-helpers.js';
import { declaredVariables, templateProblems } from './template-variables.js';
import {
  type RecipientRole,
  type RenderedMessage,
  type TemplateDefinition,
  templateKey,
  type TemplateSource,
} from './template.js';
import { CITIZEN_APPLICATION_TEMPLATES } from './texts/citizen-application.templates.js';
import { CITIZEN_CHECK_TEMPLATES } from './texts/citizen-check.templates.js';
import { STAFF_TEMPLATES } from './texts/staff.templates.js';

export const TEMPLATE_DEFINITIONS = Symbol('TEMPLATE_DEFINITIONS');

/** Every template of the service: adding one is one entry in a `texts/*.templates.ts` list. */
export const DEFAULT_TEMPLATES: readonly TemplateDefinition[] = [
  ...CITIZEN_APPLICATION_TEMPLATES,
  ...CITIZEN_CHECK_TEMPLATES,
  ...STAFF_TEMPLATES,
];

type Compiled = (variables: object) => string;

interface CompiledTemplate {
  key: string;
  version: number;
  subject: Compiled;
  text: Compiled;
  html: Compiled;
}

/**
 * The templates, checked and compiled once at boot: a template that reads a variable its event does not declare,
 * or calls an unknown helper, stops the service with a message naming the template, its version and the name.
 * Subject and text are rendered without HTML escaping; the HTML body escapes every value.
 */
export class TemplateRegistry {
  private readonly templates = new Map<string, CompiledTemplate>();

  constructor(definitions: readonly TemplateDefinition[] = DEFAULT_TEMPLATES) {
    const handlebars = Handlebars.create();
    for (const [name, helper] of Object.entries(TEMPLATE_HELPERS)) handlebars.registerHelper(name, helper);
    const problems: string[] = [];
    for (const definition of definitions) {
      const key = templateKey(definition.source, definition.role);
      if (this.templates.has(key)) problems.push(`${key}: defined twice`);
      const declared = declaredVariables(definition.source);
      for (const part of ['subject', 'text', 'html'] as const) {
        for (const problem of templateProblems(definition[part], declared)) {
          problems.push(`${key} v${definition.version} (${part}) ${problem}`);
        }
      }
      const plain = { noEscape: true, knownHelpersOnly: false };
      this.templates.set(key, {
        key,
        version: definition.version,
        subject: handlebars.compile(definition.subject, plain),
        text: handlebars.compile(definition.text, plain),
        html: handlebars.compile(layout(definition.html)),
      });
    }
    if (problems.length > 0) {
      throw new Error(
        `Notification templates do not match their events' declared variables:\n- ${problems.join('\n- ')}`,
      );
    }
  }

  has(source: TemplateSource, role: RecipientRole): boolean {
    return this.templates.has(templateKey(source, role));
  }

  keys(): string[] {
    return [...this.templates.keys()];
  }

  render(source: TemplateSource, role: RecipientRole, variables: object): RenderedMessage {
    const template = this.templates.get(templateKey(source, role));
    if (!template) throw new Error(`No notification template for ${templateKey(source, role)}`);
    return {
      template: template.key,
      version: template.version,
      subject: template.subject(variables).replace(/\s+/g, ' ').trim(),
      text: template.text(variables),
      html: template.html(variables),
    };
  }
}

function layout(body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Guichet</title></head>
<body style="font-family: Marianne, Arial, sans-serif; color: #161616; max-width: 40em">
<p style="font-weight: bold">Département du Calvados</p>
${body}
</body></html>`;
}
