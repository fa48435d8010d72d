import { msg } from '@lit/localize';

/**
 * The label of a variable's field: words for the values the workspace knows (see
 * `chatVariables`), the name as the administrator wrote it for the others.
 * Called at render time so the words follow the current locale.
 */
export function variableLabel(name: string): string {
  switch (name) {
    case 'agent.name':
      return msg('Agent name');
    case 'agent.id':
      return msg('Agent ID');
    case 'contact.name':
      return msg('Contact name');
    case 'contact.email':
      return msg('Contact email');
    case 'contact.phone':
      return msg('Contact phone');
    case 'chat.id':
      return msg('Chat ID');
    case 'skill':
      return msg('Skill');
    default:
      return name;
  }
}
