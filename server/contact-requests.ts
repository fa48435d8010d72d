import * as v from 'valibot';
import { HttpError } from './http-json.js';

/** Names and skills are short labels; a megabyte of name is an attack, not a name. */
const MAX_LABEL_LENGTH = 200;

const label = (what: string) =>
  v.pipe(
    v.string(`${what} must be a string`),
    v.trim(),
    v.nonEmpty(`${what} must not be empty`),
    v.maxLength(MAX_LABEL_LENGTH, `${what} is longer than ${MAX_LABEL_LENGTH} characters`),
  );

const optionalLabel = (what: string) =>
  v.optional(v.pipe(v.string(`${what} must be a string`), v.maxLength(MAX_LABEL_LENGTH, `${what} is too long`)));

/** What the contact may type: not blank, and within the configured maximum. */
const messageText = (maxLength: number) =>
  v.pipe(
    v.string('text must be a string'),
    v.check((text) => text.trim() !== '', 'text must not be empty'),
    v.maxLength(maxLength, `text is longer than the maximum of ${maxLength} characters`),
  );

/** The bodies of the contact API, checked before anything runs: a refused request changes nothing. */
export function contactRequestSchemas(maxMessageLength: number) {
  return {
    startChat: body(
      'contact: { name }, skill, text',
      v.object({
        contact: v.object(
          { name: label('contact.name'), email: optionalLabel('contact.email'), phone: optionalLabel('contact.phone') },
          'contact must be an object with a name',
        ),
        skill: label('skill'),
        text: messageText(maxMessageLength),
      }),
    ),
    // clientId: the page's own id for the message, so one sent again (its answer was lost) is stored once.
    message: body(
      'text, clientId?',
      v.object({
        text: messageText(maxMessageLength),
        clientId: v.optional(
          v.pipe(v.string('clientId must be a string'), v.nonEmpty('clientId must not be empty'), v.maxLength(100, 'clientId is too long')),
        ),
      }),
    ),
    typing: body('typing', v.object({ typing: v.boolean('typing must be true or false') })),
  };
}

/** A body's schema with the outline an error shows when the body is not even an object. */
interface BodySchema<TSchema extends v.GenericSchema> {
  outline: string;
  schema: TSchema;
}

function body<TSchema extends v.GenericSchema>(outline: string, schema: TSchema): BodySchema<TSchema> {
  return { outline, schema };
}

/** The body as the schema reads it, or a 400 that names the first thing wrong. */
export function parseBody<TSchema extends v.GenericSchema>({ outline, schema }: BodySchema<TSchema>, input: unknown): v.InferOutput<TSchema> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new HttpError(400, `The body must be a JSON object { ${outline} }.`);
  }
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const path = v.getDotPath(issue);
  let message = issue.message;
  if (path && issue.input === undefined) message = `${path} is missing`;
  // Custom messages name their field already; valibot's own ones need the path.
  else if (path && !message.startsWith(path)) message = `${path}: ${message}`;
  throw new HttpError(400, `${message}.`);
}
