export * from './assessment-result.entity';
export * from './dto/record-result.input';
export * from './results.module';
export * from './results.service';
