import { InitialSchema1763884800000 } from './1763884800000-initial-schema';
import { CredentialLifecycle1763971200000 } from './1763971200000-credential-lifecycle';
import { PathwaysAndTargets1764057600000 } from './1764057600000-pathways-and-targets';
import { Admissions1764144000000 } from './1764144000000-admissions';
import { ShareLinks1764316800000 } from './1764316800000-share-links';
import { JobQueue1764403200000 } from './1764403200000-job-queue';
import { MessageStatusLists1764576000000 } from './1764576000000-message-status-lists';
import { ImportLease1764662400000 } from './1764662400000-import-lease';
import { AccountSecurity1764748800000 } from './1764748800000-account-security';
import { CredentialAttacks1764835200000 } from './1764835200000-credential-attacks';
import { RecognitionDecisions1764921600000 } from './1764921600000-recognition-decisions';
import { RecognitionIntegrity1765094400000 } from './1765094400000-recognition-integrity';
import { HonestTargets1765180800000 } from './1765180800000-honest-targets';
import { DegreeIntake1765267200000 } from './1765267200000-degree-intake';
import { EditionTargets1765353600000 } from './1765353600000-edition-targets';
import { EditionsAndInterestList1765440000000 } from './1765440000000-editions-and-interest-list';
import { ModuleVersions1765526400000 } from './1765526400000-module-versions';
import { ResultCorrections1765612800000 } from './1765612800000-result-corrections';
import { AdmissionProcess1765699200000 } from './1765699200000-admission-process';
import { TargetCounters1765785600000 } from './1765785600000-target-counters';
import { InterestListOptIn1765872000000 } from './1765872000000-interest-list-opt-in';
import { OneActiveApplicationEnrolled1765958400000 } from './1765958400000-one-active-application-enrolled';
import { EnrolmentTargetsOnChange1766044800000 } from './1766044800000-enrolment-targets-on-change';
import { ModuleTranslations1766134800000 } from './1766134800000-module-translations';
import { PreferredLanguage1766217600000 } from './1766217600000-preferred-language';
import { ProgrammeTranslations1766304000000 } from './1766304000000-programme-translations';

/** Every migration, in order. Listed by hand so that builds and tests load the same set. */
export const migrations = [
  InitialSchema1763884800000,
  CredentialLifecycle1763971200000,
  PathwaysAndTargets1764057600000,
  Admissions1764144000000,
  ShareLinks1764316800000,
  JobQueue1764403200000,
  MessageStatusLists1764576000000,
  ImportLease1764662400000,
  AccountSecurity1764748800000,
  CredentialAttacks1764835200000,
  RecognitionDecisions1764921600000,
  RecognitionIntegrity1765094400000,
  HonestTargets1765180800000,
  DegreeIntake1765267200000,
  EditionTargets1765353600000,
  EditionsAndInterestList1765440000000,
  ModuleVersions1765526400000,
  ResultCorrections1765612800000,
  AdmissionProcess1765699200000,
  TargetCounters1765785600000,
  InterestListOptIn1765872000000,
  OneActiveApplicationEnrolled1765958400000,
  EnrolmentTargetsOnChange1766044800000,
  ModuleTranslations1766134800000,
  PreferredLanguage1766217600000,
  ProgrammeTranslations1766304000000,
];
