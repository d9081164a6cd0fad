export * from './assessment-result.entity';
export * from './dto/record-result.input';
export * from './results.module';
export * from './results.service';
export * from './grading/grading-scale';
export * from './grading/grading-scale.entity';
export * from './import/import-job.entity';
export * from './import/results-import.service';
