import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, effect, inject, signal, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from '../../core/api/api-client';
import { BindField } from '../../core/forms/bind-field';
import { required } from '../../core/forms/checks';
import { FieldError } from '../../core/forms/field-error';
import { FormAlert } from '../../core/forms/form-alert';
import { FormState } from '../../core/forms/form-state';
import { message } from '../../core/forms/message';
import { SubmitButton } from '../../core/forms/submit-button';
import { I18n } from '../../core/i18n/i18n';
import { isLocale } from '../../core/i18n/locales';
import { TPipe } from '../../core/i18n/t-pipe';
import { Session, signedInUser } from '../../core/session/session';
import { roleKey } from '../roles';
import { zoneChoices } from '../../core/dates/time-zones';

/** Name, language and time zone; the e-mail, organization and role are shown, not edited here. */
@Component({
  selector: 'dm-profile-details-form',
  imports: [TPipe, FieldError, BindField, FormAlert, SubmitButton],
  template: `
    <section class="panel" aria-labelledby="profile-details-heading">
      <h2 id="profile-details-heading">{{ 'profile.details.heading' | t }}</h2>
      @if (user(); as user) {
        <dl class="facts">
          <div>
            <dt>{{ 'field.email' | t }}</dt>
            <dd>{{ user.email }}</dd>
          </div>
          <div>
            <dt>{{ 'profile.organization' | t }}</dt>
            <dd>{{ user.organization.name }}</dd>
          </div>
          <div>
            <dt>{{ 'profile.role' | t }}</dt>
            <dd>{{ roleKey(user.role) | t }}</dd>
          </div>
        </dl>
      }
      <form class="form" novalidate (submit)="$event.preventDefault(); submit()">
        @if (state.formError(); as error) {
          <dm-form-alert [id]="state.alertId" [message]="error" />
        } @else if (saved()) {
          <dm-form-alert kind="ok" [message]="savedMessage" />
        }
        <div class="field">
          <label class="field__label" for="profile-details-name">{{ 'field.displayName' | t }}</label>
          <input
            id="profile-details-name"
            class="input"
            type="text"
            autocomplete="name"
            required
            maxlength="120"
            [dmField]="state.fields.displayName"
          />
          @if (state.errors().displayName; as error) {
            <dm-field-error [id]="state.errorId('displayName')" [message]="error" />
          }
        </div>
        <div class="field">
          <label class="field__label" for="profile-details-locale">{{ 'profile.locale' | t }}</label>
          <select id="profile-details-locale" class="input" [dmField]="state.fields.locale">
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
        <div class="field">
          <label class="field__label" for="profile-details-zone">{{ 'profile.timeZone' | t }}</label>
          <p class="field__hint" id="profile-details-zone-hint">{{ 'profile.timeZone.hint' | t }}</p>
          <select id="profile-details-zone" class="input" [dmField]="state.fields.timeZone" dmHint="profile-details-zone-hint">
            @for (zone of timeZones; track zone) {
              <option [value]="zone" [selected]="zone === state.fields.timeZone.value()">{{ zone }}</option>
            }
          </select>
          @if (state.errors().timeZone; as error) {
            <dm-field-error [id]="state.errorId('timeZone')" [message]="error" />
          }
        </div>
        <div class="form__actions">
          <button dmSubmit [busy]="state.submitting()" label="form.save" busyLabel="form.saving"></button>
        </div>
      </form>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileDetailsForm {
  private readonly api = inject(ApiClient);
  private readonly session = inject(Session);
  protected readonly i18n = inject(I18n);
  protected readonly roleKey = roleKey;
  protected readonly savedMessage = message('profile.details.saved');
  /** What the server last saved: "Saved." shows while the fields still hold exactly that. */
  private readonly savedValues = signal<string | null>(null);
  protected readonly saved = computed(() => this.savedValues() === JSON.stringify(this.state.values()));

  protected readonly user = this.session.user;
  private readonly initial = signedInUser(this.session);
  protected readonly timeZones = zoneChoices(this.initial.timeZone);

  protected readonly state = new FormState(
    'profile-details',
    {
      displayName: { value: this.initial.displayName, checks: [required(message('field.displayName.required'))] },
      locale: { value: this.initial.locale },
      timeZone: { value: this.initial.timeZone },
    },
    inject(Injector),
    inject<ElementRef<HTMLElement>>(ElementRef).nativeElement,
  );

  constructor() {
    // A language chosen in the header is saved to the profile too: show it here, so that saving
    // this form does not switch back.
    effect(() => {
      const locale = this.session.user()?.locale;
      if (locale) {
        untracked(() => this.state.fields.locale.value.set(locale));
      }
    });
  }

  protected async submit(): Promise<void> {
    this.savedValues.set(null);
    const { displayName, locale, timeZone } = this.state.values();
    const done = await this.state.submit(async () => {
      const body = { displayName: displayName.trim(), locale: isLocale(locale) ? locale : this.i18n.locale(), timeZone };
      const user = await firstValueFrom(this.api.patch('/api/me', body));
      this.state.setValues({ displayName: user.displayName, locale: user.locale, timeZone: user.timeZone });
      await this.session.updateUser(user); // applies the language chosen
    });
    if (done) {
      this.savedValues.set(JSON.stringify(this.state.values()));
    }
  }
}
