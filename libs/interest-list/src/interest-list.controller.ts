import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { ClientAddress, Public } from '@magix/auth';
import { DomainError, validationPipe } from '@magix/common';
import { JoinInterestListInput } from './dto/interest-list.inputs';
import { confirmPage, joinPage, leavePage, messagePage } from './interest-list-page';
import { InterestListService } from './interest-list.service';

type Fields = Record<string, string>;

/** A form's fields as strings; an empty optional field is one left out. */
function fieldsOf(body: unknown): Fields {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
}

/**
 * The interest list over HTTP, for the letters' link (`${PUBLIC_URL}/interest-list`): the form
 * page, and the same three actions as GraphQL. A JSON body gets JSON (errors as 4xx JSON by the
 * app's filter); a form post from the page gets a page.
 */
@Controller('interest-list')
export class InterestListController {
  constructor(private readonly interestList: InterestListService) {}

  @Public()
  @Get()
  form(@Res() response: Response): void {
    html(response, 200, joinPage());
  }

  @Public()
  @Post()
  async join(@Req() request: Request, @Res() response: Response, @ClientAddress() address: string): Promise<void> {
    const form = !request.is('application/json');
    const fields = fieldsOf(request.body);
    try {
      const input = (await validationPipe.transform(fields, { type: 'body', metatype: JoinInterestListInput })) as JoinInterestListInput;
      const message = await this.interestList.join(input, address);
      if (form) html(response, 200, messagePage('Check your mail', message));
      else response.status(200).json({ message });
    } catch (error) {
      if (!form || !(error instanceof DomainError)) throw error;
      html(response, error.httpStatus, joinPage(error.message, fields));
    }
  }

  @Public()
  @Get('confirm')
  showConfirm(@Query('token') token: string | undefined, @Res() response: Response): void {
    html(response, 200, confirmPage(typeof token === 'string' ? token : ''));
  }

  @Public()
  @Post('confirm')
  async confirm(@Req() request: Request, @Res() response: Response, @ClientAddress() address: string): Promise<void> {
    const form = !request.is('application/json');
    try {
      const message = await this.interestList.confirm(fieldsOf(request.body).token ?? '', address);
      if (form) html(response, 200, messagePage('Confirmed', message));
      else response.status(200).json({ message });
    } catch (error) {
      if (!form || !(error instanceof DomainError)) throw error;
      html(response, error.httpStatus, messagePage('Confirm your place on the interest list', error.message));
    }
  }

  @Public()
  @Get('leave')
  confirmLeave(@Query('token') token: string | undefined, @Res() response: Response): void {
    html(response, 200, leavePage(typeof token === 'string' ? token : ''));
  }

  @Public()
  @Post('leave')
  async leave(@Req() request: Request, @Res() response: Response, @ClientAddress() address: string): Promise<void> {
    const form = !request.is('application/json');
    try {
      const message = await this.interestList.leave(fieldsOf(request.body).token ?? '', address);
      if (form) html(response, 200, messagePage('Off the list', message));
      else response.status(200).json({ message });
    } catch (error) {
      if (!form || !(error instanceof DomainError)) throw error;
      html(response, error.httpStatus, messagePage('Leave the interest list', error.message));
    }
  }
}

function html(response: Response, status: number, body: string): void {
  response.status(status).type('html').setHeader('Cache-Control', 'no-store');
  response.send(body);
}
