import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { ApiClient, type ResponseBody } from '../core/api/api-client';
import { BindField } from '../core/forms/bind-field';
import { FieldError } from '../core/forms/field-error';
import { FormAlert } from '../core/forms/form-alert';
import { feedbackFor } from '../core/forms/form-feedback';
import { FormState } from '../core/forms/form-state';
import { message, type Message } from '../core/forms/message';
import { SubmitButton } from '../core/forms/submit-button';
import type { TranslationKey } from '../core/i18n/dictionary';
import { I18n } from '../core/i18n/i18n';
import { isLocale } from '../core/i18n/locales';
import { TPipe } from '../core/i18n/t-pipe';
import { Session } from '../core/session/session';
import { kindKey } from './inbox-page';
import { zoneChoices } from '../core/dates/time-zones';

type Preferences = ResponseBody<'/api/me/notification-preferences', 'get'>;
type Kind = Preferences['kinds'][number];
type Channels = Preferences['channels'];
type Campaign = ResponseBody<'/api/campaigns', 'get'>['items'][number];

const CHANNELS = ['email', 'inApp'] as const;

/**
 * `/notifications/preferences`: channels (e-mail, in-app) per kind, the daily digest, time zone,
 * language and muted campaigns, saved together with `PATCH /api/me/notification-preferences`.
 */
@Component({
  selector: 'dm-preferences-page',
  imports: [TPipe, RouterLink, FormAlert, FieldError, BindField, SubmitButton],
  template: `
    <p>
      <a routerLink="/notifications">{{ 'notifications.prefs.back' | t }}</a>
    </p>
    <h1>{{ 'notifications.preferences.title' | t }}</h1>
    <p class="muted">{{ 'notifications.prefs.intro' | t }}</p>

    @if (loadError(); as error) {
      <dm-form-alert [message]="error" />
      <button type="button" class="button" (click)="load()">{{ 'form.retry' | t }}</button>
    } @else if (!loaded()) {
      <p role="status">{{ 'notifications.prefs.loading' | t }}</p>
    } @else {
      <form class="form panel" novalidate (submit)="$event.preventDefault(); save()">
        @if (state.formError(); as error) {
          <dm-form-alert [id]="state.alertId" [message]="error" />
        } @else if (saved()) {
          <dm-form-alert kind="ok" [message]="savedMessage" />
        }

        <div class="table-scroll">
          <table class="table">
            <caption>
              {{
                'notifications.prefs.channels.caption' | t
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'notifications.prefs.channels.kind' | t }}</th>
                <th scope="col">{{ 'notifications.prefs.channel.email' | t }}</th>
                <th scope="col">{{ 'notifications.prefs.channel.inApp' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (kind of kinds(); track kind) {
                <tr>
                  <th scope="row">{{ kindKey(kind) | t }}</th>
                  @for (channel of channelNames; track channel) {
                    <td>
                      <label class="visually-hidden" [for]="'pref-' + kind + '-' + channel">{{
                        channelLabel[channel] | t: { kind: kindKey(kind) | t }
                      }}</label>
                      <input
                        type="checkbox"
                        class="check"
                        [id]="'pref-' + kind + '-' + channel"
                        [checked]="channels()[kind][channel]"
                        (change)="setChannel(kind, channel, $event)"
                      />
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (state.errors().channels; as error) {
          <dm-field-error [id]="state.errorId('channels')" [message]="error" />
        }

        <fieldset class="field">
          <legend class="field__label">{{ 'notifications.prefs.digest.legend' | t }}</legend>
          <label class="choice">
            <input type="checkbox" name="digest" [checked]="digest()" (change)="digest.set(checked($event))" />
            {{ 'notifications.prefs.digest.label' | t }}
          </label>
          @if (state.errors().digest; as error) {
            <dm-field-error [id]="state.errorId('digest')" [message]="error" />
          }
        </fieldset>

        <div class="field">
          <label class="field__label" for="prefs-zone">{{ 'notifications.prefs.timeZone' | t }}</label>
          <p class="field__hint" id="prefs-zone-hint">{{ 'notifications.prefs.timeZone.hint' | t }}</p>
          <select id="prefs-zone" class="input" [dmField]="state.fields.timeZone" dmHint="prefs-zone-hint">
            @for (zone of timeZones(); track zone) {
              <option [value]="zone" [selected]="zone === state.fields.timeZone.value()">{{ zone }}</option>
            }
          </select>
          @if (state.errors().timeZone; as error) {
            <dm-field-error [id]="state.errorId('timeZone')" [message]="error" />
          }
        </div>

        <div class="field">
          <label class="field__label" for="prefs-locale">{{ 'notifications.prefs.locale' | t }}</label>
          <p class="field__hint" id="prefs-locale-hint">{{ 'notifications.prefs.locale.hint' | t }}</p>
          <select id="prefs-locale" class="input" [dmField]="state.fields.locale" dmHint="prefs-locale-hint">
            @for (locale of i18n.locales; track locale.code) {
              <option [value]="locale.code" [attr.lang]="locale.code" [selected]="locale.code === state.fields.locale.value()">
                {{ locale.nativeName }}
              </option>
            }
          </select>
          @if (state.errors().locale; as error) {
            <dm-field-error [id]="state.errorId('locale')" [message]="error" />
          }
        </div>

        <fieldset class="field" aria-describedby="prefs-muted-hint">
          <legend class="field__label">{{ 'notifications.prefs.muted.legend' | t }}</legend>
          <p class="field__hint" id="prefs-muted-hint">{{ 'notifications.prefs.muted.hint' | t }}</p>
          @for (campaign of campaigns(); track campaign.id; let first = $first) {
            <label class="choice">
              <input
                type="checkbox"
                [attr.name]="first ? 'mutedCampaignIds' : null"
                [checked]="muted().has(campaign.id)"
                (change)="setMuted(campaign.id, $event)"
              />
              {{ campaign.title }}
            </label>
          } @empty {
            <p>{{ 'notifications.prefs.muted.none' | t }}</p>
          }
          @if (state.errors().mutedCampaignIds; as error) {
            <dm-field-error [id]="state.errorId('mutedCampaignIds')" [message]="error" />
          }
        </fieldset>

        <div class="form__actions">
          <button dmSubmit [busy]="state.submitting()" label="form.save" busyLabel="form.saving"></button>
        </div>
      </form>
    }
  `,
  styles: `
    .table-scroll {
      position: relative;
      overflow-x: auto;
      margin-bottom: var(--space-4);
    }
    .table {
      width: 100%;
      border-collapse: collapse;
    }
    .table caption {
      text-align: left;
      font-weight: 600;
      padding-bottom: var(--space-2);
    }
    .table th,
    .table td {
      padding: var(--space-2);
      border-bottom: 1px solid var(--color-border);
      text-align: left;
    }
    .check,
    .choice input {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin: 0.15rem 0 0;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 var(--space-4);
    }
    .choice {
      display: flex;
      gap: var(--space-2);
      align-items: flex-start;
      margin-top: var(--space-2);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PreferencesPage {
  private readonly api = inject(ApiClient);
  private readonly session = inject(Session);
  protected readonly i18n = inject(I18n);
  protected readonly kindKey = kindKey;
  protected readonly channelNames = CHANNELS;
  protected readonly channelLabel = {
    email: 'notifications.prefs.channel.email.label',
    inApp: 'notifications.prefs.channel.inApp.label',
  } as const satisfies Record<(typeof CHANNELS)[number], TranslationKey>;
  protected readonly savedMessage = message('notifications.prefs.saved');

  protected readonly loadError = signal<Message | null>(null);
  protected readonly loaded = signal(false);
  protected readonly kinds = signal<readonly Kind[]>([]);
  protected readonly channels = signal<Channels>({} as Channels);
  protected readonly digest = signal(false);
  protected readonly muted = signal<ReadonlySet<string>>(new Set());
  protected readonly campaigns = signal<readonly Campaign[]>([]);
  protected readonly timeZones = signal<readonly string[]>([]);
  /** What the server last saved: "Saved." shows while the form still holds exactly that. */
  private readonly savedSnapshot = signal<string | null>(null);
  protected readonly saved = computed(() => this.savedSnapshot() !== null && this.savedSnapshot() === this.snapshot());

  protected readonly state = new FormState(
    'prefs',
    { timeZone: {}, locale: {}, digest: {}, channels: {}, mutedCampaignIds: {} },
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loadError.set(null);
    this.loaded.set(false);
    try {
      const [preferences, campaigns] = await Promise.all([
        firstValueFrom(this.api.get('/api/me/notification-preferences')),
        firstValueFrom(this.api.get('/api/campaigns', { params: { limit: 100 } })),
      ]);
      this.campaigns.set(campaigns.items);
      this.apply(preferences);
      this.loaded.set(true);
    } catch (error) {
      this.loadError.set(feedbackFor(error, []).form ?? message('form.error.unexpected'));
    }
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected setChannel(kind: Kind, channel: (typeof CHANNELS)[number], event: Event): void {
    const value = this.checked(event);
    this.channels.update((channels) => ({ ...channels, [kind]: { ...channels[kind], [channel]: value } }));
  }

  protected setMuted(campaignId: string, event: Event): void {
    const mute = this.checked(event);
    this.muted.update((muted) => {
      const next = new Set(muted);
      if (mute) {
        next.add(campaignId);
      } else {
        next.delete(campaignId);
      }
      return next;
    });
  }

  protected async save(): Promise<void> {
    const { timeZone, locale } = this.state.values();
    const body = {
      channels: this.channels(),
      digest: this.digest() ? ('daily' as const) : ('off' as const),
      mutedCampaignIds: [...this.muted()],
      timeZone,
      locale: isLocale(locale) ? locale : this.i18n.locale(),
    };
    this.savedSnapshot.set(null);
    const done = await this.state.submit(async () => {
      const preferences = await firstValueFrom(this.api.patch('/api/me/notification-preferences', body));
      this.apply(preferences);
      // Time zone and language are the profile's too: show them there, and apply the language.
      const user = this.session.user();
      if (user) {
        await this.session.updateUser({ ...user, timeZone: preferences.timeZone, locale: preferences.locale });
      }
    });
    if (done) {
      this.savedSnapshot.set(this.snapshot());
    }
  }

  private apply(preferences: Preferences): void {
    this.kinds.set(preferences.kinds);
    this.channels.set(preferences.channels);
    this.digest.set(preferences.digest === 'daily');
    this.muted.set(new Set(preferences.mutedCampaignIds));
    this.timeZones.set(zoneChoices(preferences.timeZone));
    this.state.setValues({ timeZone: preferences.timeZone, locale: preferences.locale });
  }

  private snapshot(): string {
    return JSON.stringify([this.channels(), this.digest(), [...this.muted()].sort(), this.state.values()]);
  }
}
