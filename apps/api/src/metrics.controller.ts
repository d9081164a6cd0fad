import { Controller, Get, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Request, Response } from 'express';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { Public } from '@magix/auth';
import { checkMetricsAccess, DatabaseFigures, databaseFigures, processMetrics } from '@magix/observability';

/** `GET /metrics`: Prometheus's text format, for the scraper that checkMetricsAccess lets in. */
@Controller('metrics')
export class MetricsController {
  private readonly figures: DatabaseFigures;
  private readonly token = process.env.METRICS_TOKEN || undefined;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.figures = databaseFigures(dataSource);
  }

  // Public to the account guard: a scraper has no user account; checkMetricsAccess decides.
  @Public()
  @Get()
  async metrics(@Req() request: Request, @Res() response: Response): Promise<void> {
    checkMetricsAccess(request, this.token);
    await this.figures.refresh();
    const all = Registry.merge([processMetrics, this.figures.registry]);
    response.setHeader('Cache-Control', 'no-store');
    response.type(all.contentType).send(await all.metrics());
  }
}
