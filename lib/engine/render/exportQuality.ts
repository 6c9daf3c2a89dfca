// The two export qualities, one schema for every layer: full size, or a quick smaller preview.
import { z } from 'zod';

export const exportQualitySchema = z.enum(['high', 'preview']);
export type ExportQuality = z.infer<typeof exportQualitySchema>;
