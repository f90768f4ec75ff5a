import { Injectable } from '@nestjs/common';
import { type Commune, etalabCommuneDirectory, type PublicContact, ValidationFailed } from '#domain';
import { DirectoryIndex } from './directory-index.js';
import { isProcedure, isTopic, PROCEDURE_TOPICS, TOPIC_CODES, TOPICS } from './topics.js';

export interface ContactAnswer {
  commune: { code: string; name: string };
  topic: { code: string; label: string };
  team: { code: string; name: string };
  contact: PublicContact;
  /** Why this team: the rule that won, in French. */
  reason: string;
  ruleId: string | null;
  defaultTeam: boolean;
}

export interface CommuneChoices {
  /** The postal code covers several communes: ask again with `commune=` one of these. */
  choices: { code: string; name: string; departement: string }[];
}

function choicesOf(communes: Commune[]): CommuneChoices {
  return {
    choices: communes
      .map((commune) => ({ code: commune.code, name: commune.name, departement: commune.departement }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.code.localeCompare(b.code)),
  };
}

/** "Who do I call?": from the in-memory index, a handful of map reads per question. */
@Injectable()
export class ContactsService {
  constructor(private readonly directory: DirectoryIndex) {}

  /** The topics one may ask about, with their French labels. */
  topics(): { items: { code: string; label: string }[] } {
    return { items: TOPIC_CODES.map((code) => ({ code, label: TOPICS[code] })) };
  }

  find(query: {
    commune?: string;
    postalCode?: string;
    communeName?: string;
    topic?: string;
  }): ContactAnswer | CommuneChoices {
    const topic = query.topic ?? '';
    if (!isTopic(topic) && !isProcedure(topic))
      throw new ValidationFailed([
        {
          field: 'topic',
          reason: `thème « ${topic} » inconnu ; valeurs acceptées : ${TOPIC_CODES.join(', ')} (ou ${Object.keys(PROCEDURE_TOPICS).join(', ')})`,
        },
      ]);
    const commune = this.commune(query);
    if (!('code' in commune)) return commune;
    const resolution = this.directory.resolve(topic, commune.code);
    const topicCode = isTopic(topic) ? topic : PROCEDURE_TOPICS[topic];
    return {
      commune: { code: commune.code, name: commune.name },
      topic: { code: topicCode, label: TOPICS[topicCode] },
      team: { code: resolution.team.code, name: resolution.team.name },
      contact: resolution.team.contact,
      reason: resolution.reason,
      ruleId: resolution.ruleId,
      defaultTeam: resolution.defaultTeam,
    };
  }

  private commune(query: {
    commune?: string;
    postalCode?: string;
    communeName?: string;
  }): Commune | CommuneChoices {
    const communes = etalabCommuneDirectory();
    if (query.commune) {
      const found = communes.find(query.commune);
      if (!found)
        throw new ValidationFailed([
          {
            field: 'commune',
            reason: `aucune commune actuelle n’a le code INSEE « ${query.commune} » (5 caractères, ex. 14047)`,
          },
        ]);
      return found;
    }
    if (query.postalCode) {
      const found = communes.byPostalCode(query.postalCode);
      if (found.length === 0)
        throw new ValidationFailed([
          { field: 'postalCode', reason: `aucune commune n’a le code postal « ${query.postalCode} »` },
        ]);
      return found.length === 1 ? found[0] : choicesOf(found);
    }
    if (query.communeName) {
      const found = communes.byName(query.communeName);
      if (found.length === 0)
        throw new ValidationFailed([
          {
            field: 'communeName',
            reason: `aucune commune ne s’appelle « ${query.communeName} » : vérifiez l’orthographe ou indiquez le code postal`,
          },
        ]);
      return found.length === 1 ? found[0] : choicesOf(found);
    }
    throw new ValidationFailed([
      { field: 'commune', reason: 'indiquez commune (code INSEE), postalCode ou communeName' },
    ]);
  }
}
