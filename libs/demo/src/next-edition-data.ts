import { ApplicantProfile } from '@magix/admissions';
import { Sector } from '@magix/learners';
import { TargetMetric } from '@magix/programme';

/**
 * The next edition, planned and opened by the office through the editions service (see
 * next-edition.seeder.ts). Degree applications are taken in the main round; the interest list
 * had a priority round the day the edition opened, where the two applicants below were admitted.
 */
export const demoNextEdition = {
  code: '2027-2028',
  startsOn: '2027-09-01',
  endsOn: '2028-08-31',
  degreePlaces: 30,
  mainRound: { opensOn: '2027-01-15', closesOn: '2027-06-30' },
  targets: [
    { metric: TargetMetric.GRADUATES, value: 200 },
    { metric: TargetMetric.MODULE_PARTICIPANTS, value: 550 },
    { metric: TargetMetric.PUBLIC_SECTOR_SHARE, value: 40 },
  ],
};

export interface DemoInterested {
  name: string;
  email: string;
  preferredLanguage: string;
  profile: ApplicantProfile;
}

/** On the interest list before 2027-2028 opened: each gets the opening mail. */
export const demoInterestList: DemoInterested[] = [
  {
    name: 'Chiara Bianchi',
    email: 'chiara.bianchi@comune.milano.example',
    preferredLanguage: 'it',
    profile: ApplicantProfile.PUBLIC_STAFF,
  },
  { name: 'Tomás Ruiz', email: 'tomas.ruiz@alumnos.example', preferredLanguage: 'es', profile: ApplicantProfile.STUDENT },
  { name: 'Liis Kask', email: 'liis.kask@mkm.example', preferredLanguage: 'et', profile: ApplicantProfile.PUBLIC_STAFF },
];

/** Admitted to the 2027-2028 degree intake through a review batch; both came from the interest list. */
export const demoDegreeApplicants = [
  {
    givenName: 'Chiara',
    familyName: 'Bianchi',
    email: 'chiara.bianchi@comune.milano.example',
    countryCode: 'IT',
    sector: Sector.PUBLIC,
    profile: { profile: ApplicantProfile.PUBLIC_STAFF, publicEmployerName: 'Comune di Milano' },
    motivation:
      'I lead the open-data office of the City of Milan and want the full joint degree to govern the AI services we are starting to run.',
  },
  {
    givenName: 'Tomás',
    familyName: 'Ruiz',
    email: 'tomas.ruiz@alumnos.example',
    countryCode: 'ES',
    sector: Sector.ACADEMIC,
    profile: { profile: ApplicantProfile.STUDENT, discipline: 'Law' },
    motivation: 'I am finishing a law degree and want to become a functional specialist in AI for public services, across the consortium.',
  },
];
