// Project cards of NemoVideo projects show the length of NemoVideo's draft (the local timeline of such a project is always empty).
import { describe, expect, it } from 'vitest';
import { storedMedia, useFakeNemo } from './harness';

const h = useFakeNemo();

describe('card duration', () => {
  it("is the length of NemoVideo's draft once a timeline was seen, and 0 before", async () => {
    const backend = h.make();
    const ctx = await h.project();
    expect(await backend.cardDuration(ctx)).toBe(0);

    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    const view = await backend.timeline(ctx);
    const [session] = h.fake.sessions.values();
    expect(view.duration).toBe(session.draft.d / 1000);
    expect(view.duration).toBeGreaterThan(0);

    // A list view reads the stored project afresh, as lib/server/projects.ts does.
    const project = (await h.store.getProject(ctx.project.id))!;
    const calls = h.fake.requests.length;
    expect(await backend.cardDuration({ ownerId: ctx.ownerId, project })).toBe(view.duration);
    expect(h.fake.requests.length).toBe(calls);
  });
});
