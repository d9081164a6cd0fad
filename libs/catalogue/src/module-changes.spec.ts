import { ModuleDescription, ParticipationForm } from './catalogue.entities';
import { changedFields, descriptionOf } from './module-changes';

const current: ModuleDescription = {
  title: 'AI Governance',
  description: 'Governing AI in public administrations.',
  learningOutcomes: ['Assess an AI system', 'Write a policy'],
  ectsCredits: 6,
  eqfLevel: 7,
  workloadHours: 150,
  language: 'en',
  assessmentType: 'Project',
  participationForm: ParticipationForm.ONLINE,
  qualityAssurance: 'ANECA',
  translations: [
    { language: 'es', title: 'Gobernanza de la IA', description: 'Gobernar la IA.', learningOutcomes: ['Evaluar', 'Redactar'] },
  ],
};

describe('changedFields', () => {
  it('finds nothing when every given field equals the current one', () => {
    expect(changedFields(current, { ...descriptionOf(current), learningOutcomes: [...current.learningOutcomes] })).toEqual({});
  });

  it('ignores absent and null fields', () => {
    expect(changedFields(current, { title: null, ectsCredits: undefined })).toEqual({});
  });

  it('keeps only the fields that differ', () => {
    expect(changedFields(current, { title: 'AI Governance', ectsCredits: 7.5, eqfLevel: 7 })).toEqual({ ectsCredits: 7.5 });
  });

  it('sees a reordered or shortened list of outcomes as a change', () => {
    expect(changedFields(current, { learningOutcomes: ['Write a policy', 'Assess an AI system'] })).toHaveProperty('learningOutcomes');
    expect(changedFields(current, { learningOutcomes: ['Assess an AI system'] })).toEqual({ learningOutcomes: ['Assess an AI system'] });
  });

  it('compares translations by content, whatever the key order the database gave them back in', () => {
    const reordered = [
      { learningOutcomes: ['Evaluar', 'Redactar'], description: 'Gobernar la IA.', title: 'Gobernanza de la IA', language: 'es' },
    ];
    expect(changedFields(current, { translations: reordered })).toEqual({});
    const retitled = [{ ...reordered[0], title: 'Gobernanza de la inteligencia artificial' }];
    expect(changedFields(current, { translations: retitled })).toEqual({ translations: retitled });
  });
});
