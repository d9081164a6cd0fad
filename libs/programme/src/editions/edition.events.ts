/** The events of editions, raised inside the transaction that makes the change (DomainEvents). */
declare module '@magix/common' {
  interface DomainEventMap {
    /** The office planned a new edition: features that keep data per edition give it theirs. */
    'edition.created': { editionId: string; programmeId: string; actorUserId: string };
    /** The office opened the edition: raised once per edition, by the transaction that opened it. */
    'edition.opened': { editionId: string; programmeId: string };
    /** The office changed an edition's degree places or window outside setDegreeIntake: reserves may move up. */
    'edition.degree-intake-changed': { editionId: string };
  }
}

export {};
