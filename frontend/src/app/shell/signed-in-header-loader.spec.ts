import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { AccountTools } from './account-tools';
import { MemberNav } from './member-nav';
import { SignedInHeaderLoader } from './signed-in-header-loader';

describe('SignedInHeaderLoader', () => {
  it('loads the signed-in part of the header once, as a pending task', async () => {
    const loader = TestBed.inject(SignedInHeaderLoader);
    expect(loader.parts()).toBeNull();

    const loading = loader.load();
    expect(loader.load()).toBe(loading);
    await TestBed.inject(ApplicationRef).whenStable(); // waits for it
    expect(loader.parts()).toEqual({ tools: AccountTools, nav: MemberNav });
    await loading;
  });
});
