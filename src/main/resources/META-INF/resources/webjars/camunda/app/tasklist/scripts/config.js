// NoHold's desk: the Camunda Tasklist with NoHold's name. Reps never create tasks or start processes by hand (work
// comes from customers), so the "start process" shortcut is left out.
export default {
  app: {
    name: 'desk',
    vendor: 'NoHold'
  },
  disableWelcomeMessage: true,
  // the status switch in the header (AVAILABLE, AWAY, OFF): scripts/nohold-status.js
  customScripts: ['scripts/nohold-status'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    }
  }
};
