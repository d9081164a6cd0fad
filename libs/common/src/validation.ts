import { ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { badInput } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): Array<{ field: string; message: string }> {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator failures become one BAD_USER_INPUT naming the first field at fault. */
export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: false,
  exceptionFactory: (errors) => {
    const problems = flatten(errors);
    const first = problems[0] ?? { field: 'input', message: 'invalid input' };
    return badInput(first.field, problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  },
});

/** An `id` parameter that must be a UUID; anything else is a BAD_USER_INPUT naming the field. */
export const uuidParam = (field = 'id', optional = false) =>
  new ParseUUIDPipe({ optional, exceptionFactory: () => badInput(field, `${field} must be a UUID`) });
