import { EntityManager } from 'typeorm';
import { DomainEvents } from './domain-events';

declare module '@magix/common' {
  interface DomainEventMap {
    'test.happened': { value: number };
  }
}

const manager = { queryRunner: { isTransactionActive: true } } as unknown as EntityManager;

describe('DomainEvents', () => {
  it('runs every handler of an event in subscription order, with the manager and payload', async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.on('test.happened', (m, e) => Promise.resolve(void seen.push(`first ${e.value} ${m === manager}`)));
    events.on('test.happened', (_m, e) => Promise.resolve(void seen.push(`second ${e.value}`)));
    await events.emit(manager, 'test.happened', { value: 7 });
    expect(seen).toEqual(['first 7 true', 'second 7']);
  });

  it('lets a failing handler fail the emit, so the transaction rolls back', async () => {
    const events = new DomainEvents();
    const after = jest.fn();
    events.on('test.happened', () => Promise.reject(new Error('no')));
    events.on('test.happened', () => Promise.resolve(after()));
    await expect(events.emit(manager, 'test.happened', { value: 1 })).rejects.toThrow('no');
    expect(after).not.toHaveBeenCalled();
  });

  it('does nothing for an event nobody subscribed to', async () => {
    await expect(new DomainEvents().emit(manager, 'test.happened', { value: 1 })).resolves.toBeUndefined();
  });
});
