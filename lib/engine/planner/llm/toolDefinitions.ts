// OpenAI-style tool definitions generated from the zod operation schemas, so the model and the rules share one vocabulary.
import { z } from 'zod';
import { planStepSchema } from '@/lib/engine/planner/planStep';

export interface ToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export function operationTools(): ToolDefinition[] {
  return planStepSchema.options.map((schema) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & {
      properties: Record<string, unknown>;
      required?: string[];
      description?: string;
    };
    const { type: _type, ...properties } = json.properties;
    const name = (schema.shape.type as z.ZodLiteral<string>).value;
    return {
      type: 'function',
      function: {
        name,
        description: json.description ?? name,
        parameters: { type: 'object', properties, required: (json.required ?? []).filter((r) => r !== 'type'), additionalProperties: false },
      },
    };
  });
}
