import '../styles.css'
import './classroom.css'
import { createLanguageSwitcher } from '../createLanguageSwitcher.js'
import { createPresenterToggle } from '../createPresenterToggle.js'
import { h } from '../h.js'
import { LANGUAGE_KEY, pickLanguage, t, useLanguage } from '../i18n/language.js'
import { createStudentView } from './createStudentView.js'
import { createTeacherView } from './createTeacherView.js'

const app = document.getElementById('app')
if (app === null) throw new Error('the page has no #app element')

function stored(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY)
  } catch {
    return null
  }
}

const url = new URL(location.href)
const lang = pickLanguage(url.searchParams.get('lang') ?? stored(), navigator.languages)
useLanguage(lang)
document.documentElement.lang = lang
document.title = t('classroom.page.title')
document.querySelector('.skip')?.replaceChildren(t('classroom.page.skip'))

// The teacher's link carries the session and its token in the fragment, which never reaches a server log.
const teacher = /^#teacher=([A-Za-z0-9]+)\.([A-Za-z0-9]+)$/.exec(location.hash)
document.getElementById('site')?.replaceChildren(
  h('h1', {}, t(teacher === null ? 'classroom.page.studentHeading' : 'classroom.page.teacherHeading')),
  h(
    'div',
    { class: 'site-controls' },
    createLanguageSwitcher(t('page.language')),
    // The teacher's page is the one on the projector.
    teacher === null ? null : createPresenterToggle(t('page.presenter')),
  ),
  h('p', {}, t('classroom.page.intro')),
)
const view =
  teacher === null
    ? createStudentView(url.searchParams.get('join') ?? '')
    : createTeacherView(teacher[1] as string, teacher[2] as string)
app.replaceChildren(view.element)
document.body.dataset.ready = 'true'
