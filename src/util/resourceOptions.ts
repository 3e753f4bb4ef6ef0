import { typeOrValueSpecifiersSchema, type TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import type { JSONSchema } from '@typescript-eslint/utils';

export interface ResourceRuleOptions {
  /** Extra resource types, each with its release method. */
  resources?: { type: TypeOrValueSpecifier; release: string }[];
  /** Name-based detection of release methods (stop, close, dispose, …). */
  nameRules?: boolean;
  /** Decide from a class's or factory's body what it acquires and which method releases it. */
  inference?: boolean;
  /** Functions that release what they are given (`closeQuietly(socket)`), when the checker cannot see their bodies. */
  releaseFunctions?: string[];
  /** Calls whose results another owner lends and takes back (`pool.lease()`): kept values are borrowed. */
  lendingCalls?: string[];
  /** Containers whose values belong to someone else, by the name of the variable or property that holds them. */
  ignoredContainers?: string[];
}

/** stop-on-evict's options: the shared ones, and how sure an overwrite of a built-in container must be. */
export interface StopOnEvictOptions extends ResourceRuleOptions {
  /** Which insertions over a key to report: where something shows it may be taken (the default), or wherever it is not proven free. */
  overwrites?: 'evident' | 'possible';
}

export const defaultResourceRuleOptions: Required<ResourceRuleOptions> = {
  resources: [],
  nameRules: true,
  inference: true,
  releaseFunctions: [],
  lendingCalls: [],
  ignoredContainers: [],
};

export const defaultStopOnEvictOptions: Required<StopOnEvictOptions> = { ...defaultResourceRuleOptions, overwrites: 'evident' };

/** A list of names, each a JavaScript identifier. */
const namesSchema = (description: string): JSONSchema.JSONSchema4 => ({
  type: 'array',
  description,
  uniqueItems: true,
  items: { type: 'string', pattern: '^[A-Za-z_$#][\\w$]*$' },
});

/** Options shared by every rule of the plugin: which types are resources. */
export const resourceOptionsSchema: JSONSchema.JSONSchema4ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'Which types are resources.',
  properties: {
    resources: {
      type: 'array',
      description: 'Extra resource types, each with the method that releases it.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'release'],
        properties: {
          type: {
            ...(typeOrValueSpecifiersSchema.items as JSONSchema.JSONSchema4),
            description:
              'The type, as a TypeOrValueSpecifier: a name, or `{ from: "package", package, name }`, `{ from: "file", name, path }`, `{ from: "lib", name }`.',
          },
          release: {
            type: 'string',
            minLength: 1,
            description: 'The method that releases a value of this type, called with no arguments.',
          },
        },
      },
    },
    inference: {
      type: 'boolean',
      description:
        'Infer from the bodies of classes and factories in the program what they acquire (timers, registrations, listeners, handles) and which method releases it, whatever its name; a visible body that acquires nothing is not a resource.',
    },
    nameRules: {
      type: 'boolean',
      description: 'Treat a type with a method such as stop(), dispose() or close() that takes no arguments and returns nothing as a resource.',
    },
    releaseFunctions: namesSchema(
      'Functions that release what they are given (`closeQuietly(socket)`, `safeDispose(x)`): a call of one counts as the release of each argument.',
    ),
    lendingCalls: namesSchema(
      'Functions or methods whose results another owner lends and takes back (`lease`, `checkoutConnection`): values they return are borrowed, beside the built-in acquire/borrow/checkout/lease/rent.',
    ),
    ignoredContainers: namesSchema(
      'Containers whose values belong to someone else, by the name of the variable or property that holds them (`registry` matches `registry`, `this.registry` and `app.registry`).',
    ),
  },
};

export const stopOnEvictOptionsSchema: JSONSchema.JSONSchema4ObjectSchema = {
  ...resourceOptionsSchema,
  properties: {
    ...resourceOptionsSchema.properties,
    overwrites: {
      type: 'string',
      enum: ['evident', 'possible'],
      description:
        "Which `set()` calls and assignments over a key of a map or object to report. 'evident' (the default): where something shows the key may already be taken (a lookup of the container on the way, a get-or-create elsewhere in the class or module, a timer re-armed per key, a constant or object key, a value handed in), leaving out a value made for an id (`sessions.set(id, new Session())`) where nothing shows an earlier entry. 'possible': every one whose key is not proven free.",
    },
  },
};
