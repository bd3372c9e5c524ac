<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name></name>
    <message>
        <location filename="../../ui/agent/history_model.py" line="25"/>
        <location filename="../../ui/console/detail_html.py" line="85"/>
        <location filename="../../ui/console/duty_view.py" line="42"/>
        <location filename="../../ui/console/log_model.py" line="34"/>
        <source>⚠ Emergency</source>
        <translation>⚠ Emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="27"/>
        <location filename="../../ui/console/detail_html.py" line="87"/>
        <location filename="../../ui/console/duty_view.py" line="43"/>
        <location filename="../../ui/console/log_model.py" line="36"/>
        <source>♥ Vulnerable caller</source>
        <translation>♥ Llamante vulnerable</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="30"/>
        <location filename="../../ui/console/log_model.py" line="43"/>
        <source>⚑ Follow-up due {0}</source>
        <translation>⚑ Seguimiento para el {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="32"/>
        <source>✓ Follow-up done</source>
        <translation>✓ Seguimiento hecho</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="34"/>
        <source>○ Not completed (the app closed)</source>
        <translation>○ Sin terminar (la aplicación se cerró)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="36"/>
        <source>● In progress</source>
        <translation>● En curso</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="42"/>
        <source>Reason: {0}</source>
        <translation>Motivo: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="42"/>
        <location filename="../../ui/console/detail_html.py" line="110"/>
        <location filename="../../ui/console/detail_html.py" line="141"/>
        <source>not recorded</source>
        <translation>sin registrar</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="43"/>
        <source>Outcome: {0}</source>
        <translation>Resultado: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="44"/>
        <source>Note: {0}</source>
        <translation>Nota: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="44"/>
        <location filename="../../ui/console/detail_html.py" line="112"/>
        <location filename="../../ui/console/detail_html.py" line="113"/>
        <location filename="../../ui/console/detail_html.py" line="133"/>
        <source>none</source>
        <translation>no hay</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="47"/>
        <source>Not completed: the app closed before the call was saved (last activity {0}).</source>
        <translation>Sin terminar: la aplicación se cerró antes de guardar la llamada (última actividad {0}).</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="50"/>
        <source>Resolution: {0}</source>
        <translation>Resolución: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="52"/>
        <source>Tags: {0}</source>
        <translation>Etiquetas: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="54"/>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="54"/>
        <location filename="../../ui/console/detail_html.py" line="54"/>
        <location filename="../../ui/console/detail_html.py" line="238"/>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="55"/>
        <source>Follow-up: due {0}, {1}</source>
        <translation>Seguimiento: para el {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="56"/>
        <source>Number: {0}</source>
        <translation>Número: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="56"/>
        <location filename="../../ui/console/charts/contacts_by_channel.py" line="25"/>
        <location filename="../../ui/console/detail_html.py" line="134"/>
        <location filename="../../ui/widgets/text.py" line="43"/>
        <source>not known</source>
        <translation>no se sabe</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="68"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="68"/>
        <location filename="../../ui/console/detail_html.py" line="109"/>
        <location filename="../../ui/console/detail_html.py" line="187"/>
        <location filename="../../ui/console/log_model.py" line="76"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="68"/>
        <location filename="../../ui/console/detail_html.py" line="110"/>
        <location filename="../../ui/console/detail_html.py" line="187"/>
        <location filename="../../ui/console/log_model.py" line="77"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="68"/>
        <location filename="../../ui/console/detail_html.py" line="111"/>
        <location filename="../../ui/console/detail_html.py" line="187"/>
        <location filename="../../ui/console/log_model.py" line="78"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="68"/>
        <location filename="../../ui/console/charts/outcomes_by_group.py" line="38"/>
        <location filename="../../ui/console/charts/scores_by_group.py" line="36"/>
        <location filename="../../ui/console/detail_html.py" line="108"/>
        <location filename="../../ui/console/detail_html.py" line="187"/>
        <location filename="../../ui/console/log_model.py" line="75"/>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_model.py" line="68"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="20"/>
        <source>✗ Failed</source>
        <translation>✗ No cumplido</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="21"/>
        <source>✓ Met</source>
        <translation>✓ Cumplido</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="22"/>
        <source>★ Exceeded</source>
        <translation>★ Superado</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="23"/>
        <source>– Not recorded</source>
        <translation>– Sin registrar</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="29"/>
        <source>✗ Failed to meet their expectations</source>
        <translation>✗ No cumplió sus expectativas</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="30"/>
        <source>✓ Met their expectations</source>
        <translation>✓ Cumplió sus expectativas</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="31"/>
        <source>★ Exceeded their expectations</source>
        <translation>★ Superó sus expectativas</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="32"/>
        <source>Not chosen yet (judged by the caller)</source>
        <translation>Sin elegir aún (según lo vería el llamante)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="38"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="39"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="40"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="41"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="42"/>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="48"/>
        <source>health</source>
        <translation>salud</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="48"/>
        <source>welfare</source>
        <translation>bienestar</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="49"/>
        <source>anything</source>
        <translation>cualquier asunto</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="54"/>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="55"/>
        <source>Life event</source>
        <translation>Acontecimiento vital</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="56"/>
        <source>Resilience</source>
        <translation>Resiliencia</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="57"/>
        <source>Capability</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="63"/>
        <source>Kept the caller on the line</source>
        <translation>Mantuve al llamante en línea</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="64"/>
        <source>Confirmed the address</source>
        <translation>Confirmé la dirección</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="65"/>
        <source>Called emergency services</source>
        <translation>Llamé a emergencias</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="66"/>
        <source>Notified a contact</source>
        <translation>Avisé a un contacto</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="67"/>
        <source>Stayed until help arrived</source>
        <translation>Seguí hasta que llegó ayuda</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/text.py" line="68"/>
        <source>Handed over</source>
        <translation>Pasé el caso</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="36"/>
        <source>Follow-up needed</source>
        <translation>Seguimiento necesario</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="36"/>
        <source>Referred</source>
        <translation>Derivado</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="36"/>
        <source>No action</source>
        <translation>Ninguna acción</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="43"/>
        <location filename="../../ui/console/detail_html.py" line="90"/>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="45"/>
        <source>Callback</source>
        <translation>Devolver la llamada</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="46"/>
        <source>Callback from a senior person</source>
        <translation>Llamada de un responsable</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="47"/>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="50"/>
        <source>✓ done {0}</source>
        <translation>✓ hecho {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="52"/>
        <source>⚑ overdue</source>
        <translation>⚑ vencido</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="55"/>
        <source>, owner {0}</source>
        <translation>, a cargo de {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="56"/>
        <source>{0} due {1}{2}: {3}</source>
        <translation>{0} para el {1}{2}: {3}</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="89"/>
        <source>⇄ Sync conflict to settle</source>
        <translation>⇄ Conflicto de sincronización por resolver</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="98"/>
        <source> to {0} ({1} min)</source>
        <translation> a {0} ({1} min)</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="100"/>
        <source> (still in progress)</source>
        <translation> (aún en curso)</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="104"/>
        <source>, team {0}</source>
        <translation>, equipo {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="105"/>
        <source>inbound</source>
        <translation>entrante</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="105"/>
        <source>outbound</source>
        <translation>saliente</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="112"/>
        <location filename="../../ui/widgets/text.py" line="69"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="113"/>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="114"/>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="115"/>
        <location filename="../../ui/console/log_model.py" line="79"/>
        <source>Flags</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="118"/>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="119"/>
        <source>The call</source>
        <translation>La llamada</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="125"/>
        <source>Not linked to a caller record; called from {0}.</source>
        <translation>Sin ficha de llamante; llamó desde el {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="127"/>
        <location filename="../../ui/console/detail_html.py" line="149"/>
        <source>The caller</source>
        <translation>El llamante</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="130"/>
        <source> (likes to be called {0})</source>
        <translation> (prefiere que le llamen {0})</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="132"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="133"/>
        <source>Numbers</source>
        <translation>Números</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="134"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="140"/>
        <source>↻ {0}, review due</source>
        <translation>↻ {0}, toca revisar</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="141"/>
        <source>given {0}</source>
        <translation>dado {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="144"/>
        <source>Relates to</source>
        <translation>Relacionada con</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="144"/>
        <source>What they told us</source>
        <translation>Lo que nos contó</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="144"/>
        <source>Adjustments</source>
        <translation>Adaptaciones</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="144"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="144"/>
        <source>Review by</source>
        <translation>Revisar antes del</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="146"/>
        <source>No needs or vulnerabilities recorded.</source>
        <translation>No hay necesidades ni vulnerabilidades registradas.</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="148"/>
        <source>Needs and vulnerabilities</source>
        <translation>Necesidades y vulnerabilidades</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="153"/>
        <source>✓ Used</source>
        <translation>✓ Usada</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="153"/>
        <source>✗ Dismissed</source>
        <translation>✗ Descartada</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="156"/>
        <source>{0} shown, {1} used, {2} dismissed.</source>
        <translation>{0} mostradas, {1} usadas, {2} descartadas.</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="159"/>
        <location filename="../../ui/console/detail_html.py" line="171"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="159"/>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="159"/>
        <source>Reason given</source>
        <translation>Motivo dado</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="159"/>
        <source>No prompts were shown.</source>
        <translation>No se mostró ninguna indicación.</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="161"/>
        <source>Prompts</source>
        <translation>Indicaciones</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="170"/>
        <source>Emergency steps</source>
        <translation>Pasos de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="171"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="171"/>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="171"/>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="171"/>
        <source>No emergency steps were taken.</source>
        <translation>No se dio ningún paso de emergencia.</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="187"/>
        <source>When (open)</source>
        <translation>Cuándo (abrir)</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="187"/>
        <source>No other contacts.</source>
        <translation>No hay otros contactos.</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="189"/>
        <source>The caller&apos;s other recent contacts</source>
        <translation>Otros contactos recientes del llamante</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="196"/>
        <source>Duty-of-care outcome by {0}, {1}: {2}</source>
        <translation>Resultado del deber de cuidado por {0}, {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="201"/>
        <source>Quality review by {0}, {1}: {2}</source>
        <translation>Revisión de calidad por {0}, {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="206"/>
        <source>★ Kudos: {0}</source>
        <translation>★ Felicitación: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="211"/>
        <source>Not reviewed yet.</source>
        <translation>Aún sin revisar.</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="213"/>
        <source>Reviews and duty-of-care outcomes</source>
        <translation>Revisiones y resultados del deber de cuidado</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="217"/>
        <source>☺ Compliment</source>
        <translation>☺ Elogio</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="217"/>
        <source>✗ Complaint</source>
        <translation>✗ Queja</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="228"/>
        <source>Customer feedback</source>
        <translation>Opinión del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="230"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="230"/>
        <source>Came by</source>
        <translation>Llegó por</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="230"/>
        <source>Recorded</source>
        <translation>Registrada</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="230"/>
        <source>What they said</source>
        <translation>Lo que dijo</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="232"/>
        <source>No feedback from the customer.</source>
        <translation>No hay opiniones del cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="238"/>
        <source>✓ removed</source>
        <translation>✓ eliminada</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="241"/>
        <source>Friction points</source>
        <translation>Puntos de fricción</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="242"/>
        <source>Rule or process</source>
        <translation>Norma o proceso</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="242"/>
        <source>In their words</source>
        <translation>En sus palabras</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="242"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_html.py" line="242"/>
        <source>No friction points marked.</source>
        <translation>No se marcó ningún punto de fricción.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/recognition.py" line="55"/>
        <source>★ A customer&apos;s compliment ({0}): &apos;{1}&apos;</source>
        <translation>★ Elogio de un cliente ({0}): «{1}»</translation>
    </message>
    <message>
        <location filename="../../ui/agent/recognition.py" line="56"/>
        <source>★ Kudos from {0}: &apos;{1}&apos;</source>
        <translation>★ Felicitación de {0}: «{1}»</translation>
    </message>
    <message>
        <location filename="../../ui/agent/recognition.py" line="73"/>
        <source>Your newest kudos</source>
        <translation>Tu felicitación más reciente</translation>
    </message>
    <message>
        <location filename="../../ui/agent/recognition.py" line="76"/>
        <source>See all &amp;kudos</source>
        <translation>Ver todas las &amp;felicitaciones</translation>
    </message>
    <message>
        <location filename="../../ui/agent/recognition.py" line="78"/>
        <source>See all your kudos</source>
        <translation>Ver todas tus felicitaciones</translation>
    </message>
    <message>
        <location filename="../../ui/agent/recognition.py" line="128"/>
        <location filename="../../ui/agent/recognition.py" line="129"/>
        <source>Your kudos</source>
        <translation>Tus felicitaciones</translation>
    </message>
    <message>
        <location filename="../../ui/agent/recognition.py" line="134"/>
        <source>Kudos and compliments, newest first</source>
        <translation>Felicitaciones y elogios, los más recientes primero</translation>
    </message>
    <message>
        <location filename="../../ui/agent/recognition.py" line="137"/>
        <source>{0}  {1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/recognition.py" line="139"/>
        <source>No kudos yet.</source>
        <translation>Aún no hay felicitaciones.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/recognition.py" line="144"/>
        <source>Close the list of kudos</source>
        <translation>Cerrar la lista de felicitaciones</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="67"/>
        <location filename="../../ui/console/detail_html.py" line="107"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="67"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="67"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="67"/>
        <source>Subject</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="67"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="157"/>
        <source>This event does not match the event before it: it was changed, or one was removed.</source>
        <translation>Este evento no encaja con el anterior: se cambió o se eliminó alguno.</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="158"/>
        <source>Event {0} on this desktop</source>
        <translation>Evento {0} en este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_model.py" line="164"/>
        <source>⚠ TAMPERED · {0}</source>
        <translation>⚠ MANIPULADO · {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/by_day.py" line="26"/>
        <location filename="../../ui/console/charts/follow_ups.py" line="37"/>
        <location filename="../../ui/console/charts/outcomes_by_group.py" line="40"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/by_day.py" line="27"/>
        <location filename="../../ui/console/charts/outcomes_by_group.py" line="47"/>
        <location filename="../../ui/console/charts/prompt_use.py" line="84"/>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/contacts_by_channel.py" line="17"/>
        <source>Contacts per day by channel</source>
        <translation>Contactos por día y canal</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/contacts_by_channel.py" line="20"/>
        <location filename="../../ui/console/charts/outcome_mix.py" line="20"/>
        <location filename="../../ui/console/charts/outcomes_by_group.py" line="22"/>
        <source>No contacts in this range.</source>
        <translation>No hay contactos en este periodo.</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/contacts_by_channel.py" line="26"/>
        <location filename="../../ui/console/charts/outcome_mix.py" line="23"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/follow_ups.py" line="13"/>
        <source>✓ Done on time</source>
        <translation>✓ Hecho a tiempo</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/follow_ups.py" line="13"/>
        <source>◷ Done late</source>
        <translation>◷ Hecho con retraso</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/follow_ups.py" line="13"/>
        <source>⚑ Open and overdue</source>
        <translation>⚑ Abierto y vencido</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/follow_ups.py" line="13"/>
        <source>○ Open, not due yet</source>
        <translation>○ Abierto, aún en plazo</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/follow_ups.py" line="21"/>
        <source>Follow-ups done on time, by the day they were due</source>
        <translation>Seguimientos hechos a tiempo, por día de vencimiento</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/follow_ups.py" line="24"/>
        <source>No follow-ups due in this range.</source>
        <translation>Ningún seguimiento vence en este periodo.</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/follow_ups.py" line="37"/>
        <source>Due</source>
        <translation>Vencen</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/follow_ups.py" line="39"/>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/outcome_mix.py" line="17"/>
        <source>Outcome mix per day (failed, met, exceeded)</source>
        <translation>Resultados por día (no cumplido, cumplido, superado)</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/outcomes_by_group.py" line="19"/>
        <source>Outcomes per team</source>
        <translation>Resultados por equipo</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/outcomes_by_group.py" line="19"/>
        <source>Outcomes per agent</source>
        <translation>Resultados por agente</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/outcomes_by_group.py" line="38"/>
        <location filename="../../ui/console/charts/scores_by_group.py" line="36"/>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/outcomes_by_group.py" line="41"/>
        <source>Met or exceeded</source>
        <translation>Cumplido o superado</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="26"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="37"/>
        <source>Prompt use and outcome</source>
        <translation>Uso de indicaciones y resultado</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="40"/>
        <source>No prompts were shown on contacts in this range.</source>
        <translation>No se mostraron indicaciones en los contactos de este periodo.</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="46"/>
        <location filename="../../ui/console/charts/prompt_use.py" line="70"/>
        <location filename="../../ui/console/detail_html.py" line="153"/>
        <source>Shown</source>
        <translation>Mostradas</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="47"/>
        <location filename="../../ui/console/charts/prompt_use.py" line="71"/>
        <source>Used</source>
        <translation>Usadas</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="48"/>
        <source>Used, and met or exceeded</source>
        <translation>Usadas, con resultado cumplido o superado</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="69"/>
        <location filename="../../ui/console/detail_html.py" line="159"/>
        <source>Prompt</source>
        <translation>Indicación</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="72"/>
        <source>Used: failed</source>
        <translation>Usada: no cumplido</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="73"/>
        <source>Used: met</source>
        <translation>Usada: cumplido</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="74"/>
        <source>Used: exceeded</source>
        <translation>Usada: superado</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="75"/>
        <source>Used: not recorded</source>
        <translation>Usada: sin registrar</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="76"/>
        <source>Met or exceeded where used</source>
        <translation>Cumplido o superado al usarla</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="77"/>
        <source>Met or exceeded, all contacts</source>
        <translation>Cumplido o superado, todos los contactos</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="78"/>
        <source>Rule id</source>
        <translation>Id. de la regla</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/prompt_use.py" line="86"/>
        <source>Rule id: {0}</source>
        <translation>Id. de la regla: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/scores_by_group.py" line="19"/>
        <source>Review scores per team, by criterion</source>
        <translation>Puntuaciones de revisión por equipo y criterio</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/scores_by_group.py" line="19"/>
        <source>Review scores per agent, by criterion</source>
        <translation>Puntuaciones de revisión por agente y criterio</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/scores_by_group.py" line="23"/>
        <source>No quality reviews of contacts in this range.</source>
        <translation>No hay revisiones de calidad de contactos en este periodo.</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/scores_by_group.py" line="36"/>
        <source>Criterion</source>
        <translation>Criterio</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/scores_by_group.py" line="36"/>
        <location filename="../../ui/console/charts/scores_by_group.py" line="41"/>
        <source>Average score</source>
        <translation>Puntuación media</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/scores_by_group.py" line="36"/>
        <source>Reviews</source>
        <translation>Revisiones</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/summary.py" line="16"/>
        <source>{0} to {1}</source>
        <translation>{0} a {1}</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/summary.py" line="29"/>
        <source>No contacts in this range ({0}).</source>
        <translation>No hay contactos en este periodo ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/summary.py" line="34"/>
        <source>Contacts: {0} ({1}).</source>
        <translation>Contactos: {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/summary.py" line="35"/>
        <source>Met or exceeded expectations: {0} (of {1} with an outcome).</source>
        <translation>Cumplieron o superaron las expectativas: {0} (de {1} con resultado).</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/summary.py" line="38"/>
        <source>Follow-ups done on time: {0} of {1} due so far ({2}).</source>
        <translation>Seguimientos hechos a tiempo: {0} de {1} vencidos hasta ahora ({2}).</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/summary.py" line="40"/>
        <source>No follow-ups due so far.</source>
        <translation>Ningún seguimiento ha vencido aún.</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/summary.py" line="43"/>
        <source>Only contacts matching the interaction log&apos;s filters are counted.</source>
        <translation>Solo se cuentan los contactos que cumplen los filtros del registro de interacciones.</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="40"/>
        <source>↻ Vulnerability review due</source>
        <translation>↻ Toca revisar una vulnerabilidad</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="44"/>
        <source>⇄ Sync conflict</source>
        <translation>⇄ Conflicto de sincronización</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="55"/>
        <source>Need relating to {0}: review date passed</source>
        <translation>Necesidad relacionada con {0}: pasó la fecha de revisión</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="56"/>
        <source>reason not recorded</source>
        <translation>motivo sin registrar</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_model.py" line="41"/>
        <source>⚑ Follow-up overdue since {0}</source>
        <translation>⚑ Seguimiento vencido desde el {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_model.py" line="52"/>
        <source>Unknown caller ({0})</source>
        <translation>Llamante desconocido ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_model.py" line="52"/>
        <source>Unknown caller</source>
        <translation>Llamante desconocido</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_model.py" line="73"/>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_model.py" line="74"/>
        <source>Caller</source>
        <translation>Llamante</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_model.py" line="80"/>
        <source>Reviewed</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_model.py" line="190"/>
        <source>Click to sort by this column</source>
        <translation>Haz clic para ordenar por esta columna</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_model.py" line="190"/>
        <source>This column cannot be sorted</source>
        <translation>Esta columna no se puede ordenar</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_model.py" line="226"/>
        <source>✓ Reviewed</source>
        <translation>✓ Revisada</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_model.py" line="226"/>
        <source>Not reviewed</source>
        <translation>Sin revisar</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="57"/>
        <source>at least {0:,} interactions</source>
        <translation>al menos {0:,} interacciones</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="59"/>
        <source>1 interaction</source>
        <translation>1 interacción</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="60"/>
        <source>{0:,} interactions</source>
        <translation>{0:,} interacciones</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="51"/>
        <source>Line {0}</source>
        <translation>Línea {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="51"/>
        <source>Whole pack</source>
        <translation>Todo el paquete</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="52"/>
        <source> (rule &apos;{0}&apos;)</source>
        <translation> (regla «{0}»)</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="37"/>
        <source>Shipped with cxassist</source>
        <translation>Incluido con cxassist</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="38"/>
        <source>Site file</source>
        <translation>Archivo del centro</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="39"/>
        <source>Published from the console</source>
        <translation>Publicado desde la consola</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="18"/>
        <source>not helpful</source>
        <translation>no ayuda</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="19"/>
        <source>wrong for this caller</source>
        <translation>no encaja con este llamante</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="20"/>
        <source>wording</source>
        <translation>la redacción</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="22"/>
        <source>no longer applies</source>
        <translation>ya no aplica</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="23"/>
        <source>recorded in error</source>
        <translation>registrada por error</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="24"/>
        <source>the caller withdrew consent</source>
        <translation>el llamante retiró su consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="26"/>
        <source>Care and safety</source>
        <translation>Cuidado y seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="27"/>
        <source>Empathy</source>
        <translation>Empatía</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="28"/>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="29"/>
        <source>Greeting</source>
        <translation>Saludo</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="30"/>
        <source>Plain language</source>
        <translation>Lenguaje claro</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="31"/>
        <source>Delight</source>
        <translation>Sorprender</translation>
    </message>
    <message>
        <location filename="../../ui/translations.py" line="32"/>
        <source>Closing</source>
        <translation>Despedida</translation>
    </message>
</context>
<context>
    <name>AuditLogTab</name>
    <message>
        <location filename="../../ui/console/audit_view.py" line="36"/>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="44"/>
        <source>Show only this action</source>
        <translation>Mostrar solo esta acción</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="44"/>
        <source>Any action</source>
        <translation>Cualquier acción</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="45"/>
        <source>Show only what this person did</source>
        <translation>Mostrar solo lo que hizo esta persona</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="45"/>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="46"/>
        <source>Ac&amp;tion</source>
        <translation>Acc&amp;ión</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="46"/>
        <source>&amp;Who</source>
        <translation>&amp;Quién</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="51"/>
        <source>Refresh  (F5)</source>
        <translation>Actualizar  (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="53"/>
        <source>Show the newest events</source>
        <translation>Mostrar los eventos más recientes</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="57"/>
        <source>&amp;Check the chain</source>
        <translation>&amp;Comprobar la cadena</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="59"/>
        <source>Check that no audit event was changed or removed</source>
        <translation>Comprobar que ningún evento de auditoría se cambió ni se eliminó</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="69"/>
        <source>The chain has not been checked yet.</source>
        <translation>Aún no se ha comprobado la cadena.</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="74"/>
        <source>&amp;Go to that event</source>
        <translation>&amp;Ver ese evento</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="76"/>
        <source>Show the event that does not match in the list</source>
        <translation>Mostrar en la lista el evento que no encaja</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="87"/>
        <source>Audit events, newest first</source>
        <translation>Eventos de auditoría, los más recientes primero</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="159"/>
        <source>No audit events match.</source>
        <translation>Ningún evento de auditoría coincide.</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="161"/>
        <source>{0} events shown, newest first; scroll down for older ones.</source>
        <translation>{0} eventos mostrados, los más recientes primero; baja para ver los anteriores.</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="163"/>
        <source>All {0} matching events shown, newest first.</source>
        <translation>Se muestran los {0} eventos que coinciden, los más recientes primero.</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="173"/>
        <source>Checking every event in the chain…</source>
        <translation>Comprobando cada evento de la cadena…</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="183"/>
        <source>✓ All {0} events intact.</source>
        <translation>✓ Los {0} eventos están intactos.</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="188"/>
        <source>⚠ Tampering: event {0} ({1}) at {2} does not match the event before it: it was changed, or an event before it was removed.</source>
        <translation>⚠ Manipulación: el evento {0} ({1}) del {2} no encaja con el anterior: se cambió o se eliminó un evento anterior.</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="192"/>
        <source>{0} more events do not match either.</source>
        <translation>Otros {0} eventos tampoco encajan.</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="196"/>
        <source>Intact</source>
        <translation>Intacta</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="196"/>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location filename="../../ui/console/audit_view.py" line="203"/>
        <source>The chain could not be checked: {0}</source>
        <translation>No se pudo comprobar la cadena: {0}</translation>
    </message>
</context>
<context>
    <name>CallController</name>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="81"/>
        <source>A call from {0} is waiting. Your notes on the current call are kept as a draft.</source>
        <translation>Hay una llamada de {0} en espera. Tus notas de la llamada actual se guardan como borrador.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="85"/>
        <source>Open the new call</source>
        <translation>Abrir la nueva llamada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="86"/>
        <source>Stay on this call</source>
        <translation>Seguir en esta llamada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="105"/>
        <source>{0} Nothing else was changed.</source>
        <translation>{0} No se cambió nada más.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="169"/>
        <source>the draft could not be kept ({0}).</source>
        <translation>no se pudo guardar el borrador ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="173"/>
        <source>There is no call to save yet: pop a number first (Ctrl+L).</source>
        <translation>Aún no hay llamada que guardar: primero busca un número (Ctrl+L).</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="179"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="185"/>
        <source>✓ Saved at {0}</source>
        <translation>✓ Guardada a las {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="220"/>
        <source>Unsaved calls from last time could not be marked as not completed: {0}</source>
        <translation>Las llamadas sin guardar de la última vez no se pudieron marcar como sin terminar: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="233"/>
        <source>no number</source>
        <translation>sin número</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="235"/>
        <source>You have unsaved notes from a call at {0} ({1}).</source>
        <translation>Tienes notas sin guardar de una llamada del {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="237"/>
        <source>Restore them</source>
        <translation>Recuperarlas</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="238"/>
        <source>Discard them</source>
        <translation>Descartarlas</translation>
    </message>
    <message>
        <location filename="../../ui/agent/call_controller.py" line="248"/>
        <source>The call could not be restored: {0}</source>
        <translation>No se pudo recuperar la llamada: {0}</translation>
    </message>
</context>
<context>
    <name>CallerCard</name>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="41"/>
        <source>Caller card</source>
        <translation>Ficha del llamante</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="57"/>
        <source>No call yet</source>
        <translation>Aún no hay llamada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="58"/>
        <source>When a call pops, or you search with Ctrl+L, the caller appears here.</source>
        <translation>Cuando entre una llamada, o busques con Ctrl+L, el llamante aparecerá aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="77"/>
        <source>Full name: {0}</source>
        <translation>Nombre completo: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="79"/>
        <source>Say it: {0}</source>
        <translation>Se pronuncia: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="84"/>
        <source>Numbers: {0}</source>
        <translation>Números: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="85"/>
        <source>Prefers {0}</source>
        <translation>Prefiere {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="87"/>
        <source>speaks {0}</source>
        <translation>habla {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="89"/>
        <source>customer since {0}</source>
        <translation>cliente desde {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="92"/>
        <source>their time {0}</source>
        <translation>su hora {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="95"/>
        <source>Tags: {0}</source>
        <translation>Etiquetas: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="104"/>
        <source>Show what they told us</source>
        <translation>Ver lo que nos contó</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="106"/>
        <source>Show the details behind the caller&apos;s needs (this is recorded)</source>
        <translation>Ver los detalles de las necesidades del llamante (queda registrado)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="109"/>
        <source>Edit caller details…</source>
        <translation>Editar datos del llamante…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="111"/>
        <source>Edit the caller&apos;s details and numbers</source>
        <translation>Editar los datos y números del llamante</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="128"/>
        <source>consent given {0}</source>
        <translation>consentimiento dado el {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="129"/>
        <source>no consent on record: ask before relying on it</source>
        <translation>sin consentimiento registrado: pregunta antes de tenerlo en cuenta</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="132"/>
        <source>{0}, due for review now</source>
        <translation>{0}, toca revisarla ya</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="133"/>
        <source>Care: {0}
({1}; review by {2})</source>
        <translation>Cuidado: {0}
({1}; revisar antes del {2})</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="134"/>
        <source>no adjustments recorded</source>
        <translation>sin adaptaciones registradas</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="141"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="147"/>
        <source>Edit…  (F2)</source>
        <translation>Editar…  (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="149"/>
        <source>Edit or end this need: {0}</source>
        <translation>Editar o dar por terminada esta necesidad: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="161"/>
        <source>⚠ Two versions need settling</source>
        <translation>⚠ Hay dos versiones por resolver</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="162"/>
        <source>Compare and settle…</source>
        <translation>Comparar y resolver…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="164"/>
        <source>Compare the two versions and keep one</source>
        <translation>Comparar las dos versiones y conservar una</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="170"/>
        <source>Is this one of these callers?</source>
        <translation>¿Es alguno de estos llamantes?</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="171"/>
        <source>{0} is not on file exactly. Confirm with the caller before choosing.</source>
        <translation>{0} no figura exactamente así. Confírmalo con el llamante antes de elegir.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="179"/>
        <source>This is the caller</source>
        <translation>Es este llamante</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="181"/>
        <source>Confirm the caller is {0}</source>
        <translation>Confirmar que el llamante es {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="185"/>
        <source>None of them? Treat it as a new caller: add their name in the form below.</source>
        <translation>¿Ninguno? Trátalo como llamante nuevo: añade su nombre en el formulario de abajo.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="188"/>
        <source>New caller</source>
        <translation>Llamante nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="191"/>
        <source>a withheld number</source>
        <translation>un número oculto</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="192"/>
        <source>{0} is not on file. Add their name in the form below and they are saved with the call.</source>
        <translation>{0} no figura. Añade su nombre en el formulario de abajo y se guardará con la llamada.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/caller_card.py" line="195"/>
        <source>This number has called before: see the history.</source>
        <translation>Este número ya ha llamado antes: mira el historial.</translation>
    </message>
</context>
<context>
    <name>CallerDialog</name>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="26"/>
        <source>Edit caller details</source>
        <translation>Editar datos del llamante</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="26"/>
        <source>Add a caller</source>
        <translation>Añadir un llamante</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="31"/>
        <source>&amp;Full name</source>
        <translation>&amp;Nombre completo</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="31"/>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="33"/>
        <source>&amp;Preferred name</source>
        <translation>Nombre &amp;preferido</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="34"/>
        <source>The name they like to be called</source>
        <translation>El nombre con el que prefiere que le llamen</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="35"/>
        <source>Say it &amp;like</source>
        <translation>Pron&amp;unciación</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="36"/>
        <source>How to say their name</source>
        <translation>Cómo se pronuncia su nombre</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="38"/>
        <source>&amp;Numbers</source>
        <translation>Nú&amp;meros</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="39"/>
        <source>Phone numbers, separated by semicolons, each optionally followed by a label</source>
        <translation>Números de teléfono separados por punto y coma, cada uno con una etiqueta opcional</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="41"/>
        <source>&amp;Email</source>
        <translation>&amp;Correo electrónico</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="41"/>
        <source>Email address</source>
        <translation>Dirección de correo electrónico</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="43"/>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="44"/>
        <source>Street address, lines separated by commas</source>
        <translation>Dirección postal, con las líneas separadas por comas</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="45"/>
        <source>&amp;Town or city</source>
        <translation>&amp;Localidad</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="45"/>
        <source>Town or city</source>
        <translation>Localidad</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="46"/>
        <source>Post&amp;code</source>
        <translation>Código p&amp;ostal</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="46"/>
        <source>Postcode</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="47"/>
        <source>Countr&amp;y (2 letters)</source>
        <translation>Paí&amp;s (2 letras)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="48"/>
        <source>Country as two letters, for example GB</source>
        <translation>País en dos letras, por ejemplo ES</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="52"/>
        <source>Preferred channel</source>
        <translation>Canal preferido</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="53"/>
        <source>No preference</source>
        <translation>Sin preferencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="58"/>
        <source>Prefers &amp;contact by</source>
        <translation>Prefiere contacto po&amp;r</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="59"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="59"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="61"/>
        <source>Customer &amp;since (YYYY-MM-DD)</source>
        <translation>Clien&amp;te desde (AAAA-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="62"/>
        <source>Customer since, as a date</source>
        <translation>Cliente desde, como fecha</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="63"/>
        <source>Ta&amp;gs</source>
        <translation>&amp;Etiquetas</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="63"/>
        <source>Tags, separated by commas</source>
        <translation>Etiquetas, separadas por comas</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_caller.py" line="79"/>
        <source>&apos;{0}&apos; is not a date; write it as YYYY-MM-DD.</source>
        <translation>«{0}» no es una fecha; escríbela como AAAA-MM-DD.</translation>
    </message>
</context>
<context>
    <name>CareDialog</name>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="57"/>
        <source>On record: given {0}, {1}, recorded by {2}. Change how it was given to record a new consent now, by you.</source>
        <translation>Registrado: dado el {0}, {1}, registrado por {2}. Cambia cómo se dio para registrar ahora un nuevo consentimiento a tu nombre.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="61"/>
        <source>Consent on record</source>
        <translation>Consentimiento registrado</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="62"/>
        <source>verbally, on this call</source>
        <translation>de palabra, en esta llamada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="63"/>
        <source>&amp;Consent: how given</source>
        <translation>&amp;Consentimiento: cómo se dio</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <location filename="../../ui/console/charts/card.py" line="39"/>
        <source>Show as table</source>
        <translation>Ver como tabla</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/card.py" line="41"/>
        <source>Show as a table: {0}</source>
        <translation>Ver como tabla: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/card.py" line="56"/>
        <source>Chart: {0}</source>
        <translation>Gráfico: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/card.py" line="74"/>
        <source>{0}, as a table</source>
        <translation>{0}, como tabla</translation>
    </message>
    <message>
        <location filename="../../ui/console/charts/card.py" line="97"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="43"/>
        <source>Two versions need settling</source>
        <translation>Hay dos versiones por resolver</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="44"/>
        <source>Compare two versions and keep one</source>
        <translation>Comparar dos versiones y conservar una</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="50"/>
        <source>This was changed on two desktops at the same time, so both versions were kept. Compare them, ask the caller if you are not sure, and keep the one that is right. Fields marked “Differs” are not the same.</source>
        <translation>Esto se cambió en dos equipos a la vez, así que se guardaron las dos versiones. Compáralas, pregunta al llamante si tienes dudas y conserva la correcta. Los campos marcados «Distinto» no coinciden.</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="55"/>
        <source>The two versions, field by field</source>
        <translation>Las dos versiones, campo a campo</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="67"/>
        <source>Keep version &amp;1</source>
        <translation>Conservar la versión &amp;1</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="68"/>
        <source>Keep version 1, the older one</source>
        <translation>Conservar la versión 1, la más antigua</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="69"/>
        <source>Keep version &amp;2</source>
        <translation>Conservar la versión &amp;2</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="70"/>
        <source>Keep version 2, the newer one shown on the card now</source>
        <translation>Conservar la versión 2, la más reciente, la que muestra ahora la ficha</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="72"/>
        <source>Decide &amp;later</source>
        <translation>Decidir &amp;después</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="73"/>
        <source>Close and decide later; both versions stay</source>
        <translation>Cerrar y decidir después; se mantienen las dos versiones</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="104"/>
        <source>A need (vulnerability)</source>
        <translation>Una necesidad (vulnerabilidad)</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="104"/>
        <source>An emergency contact</source>
        <translation>Un contacto de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="105"/>
        <source>{0} has two versions</source>
        <translation>{0} tiene dos versiones</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="107"/>
        <source>{0} ({1} to settle)</source>
        <translation>{0} ({1} por resolver)</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="110"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="111"/>
        <source>Version 1 (older, saved {0})</source>
        <translation>Versión 1 (más antigua, guardada {0})</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="112"/>
        <source>Version 2 (newer, on the card now, saved {0})</source>
        <translation>Versión 2 (más reciente, en la ficha, guardada {0})</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="113"/>
        <source>Same or different</source>
        <translation>Igual o distinto</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="117"/>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="118"/>
        <source>Differs</source>
        <translation>Distinto</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="118"/>
        <source>Same</source>
        <translation>Igual</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="135"/>
        <source>at an unknown time</source>
        <translation>en un momento desconocido</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="139"/>
        <source>Kind of need</source>
        <translation>Tipo de necesidad</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="139"/>
        <source>What they told us</source>
        <translation>Lo que nos contó</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="140"/>
        <source>Adjustments</source>
        <translation>Adaptaciones</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="140"/>
        <source>Review by</source>
        <translation>Revisar antes del</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="141"/>
        <source>How consent was given</source>
        <translation>Cómo se dio el consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="141"/>
        <source>Consent recorded by</source>
        <translation>Consentimiento registrado por</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="142"/>
        <source>Consent given at</source>
        <translation>Consentimiento dado el</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="142"/>
        <source>Recorded by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="143"/>
        <source>Removed or ended at</source>
        <translation>Eliminado o terminado el</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="143"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="144"/>
        <source>Relationship</source>
        <translation>Relación</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="144"/>
        <source>Numbers</source>
        <translation>Números</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="145"/>
        <source>May be contacted about</source>
        <translation>Se le puede contactar por</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="145"/>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="166"/>
        <source>⚠ Not settled: {0}</source>
        <translation>⚠ Sin resolver: {0}</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../ui/console/tabs.py" line="30"/>
        <source>Duty of care</source>
        <translation>Deber de cuidado</translation>
    </message>
    <message>
        <location filename="../../ui/console/tabs.py" line="31"/>
        <source>Interaction log</source>
        <translation>Registro de interacciones</translation>
    </message>
    <message>
        <location filename="../../ui/console/tabs.py" line="32"/>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../ui/console/tabs.py" line="33"/>
        <source>Friction points</source>
        <translation>Puntos de fricción</translation>
    </message>
    <message>
        <location filename="../../ui/console/tabs.py" line="34"/>
        <source>Prompt packs</source>
        <translation>Paquetes de indicaciones</translation>
    </message>
    <message>
        <location filename="../../ui/console/tabs.py" line="35"/>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../../ui/console/window.py" line="18"/>
        <source>cxassist: supervisor console</source>
        <translation>cxassist: consola de supervisión</translation>
    </message>
    <message>
        <location filename="../../ui/console/window.py" line="22"/>
        <source>Supervisor console sections</source>
        <translation>Secciones de la consola de supervisión</translation>
    </message>
    <message>
        <location filename="../../ui/console/window.py" line="26"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="85"/>
        <source>Add an emergency contact</source>
        <translation>Añadir un contacto de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="85"/>
        <source>Edit an emergency contact</source>
        <translation>Editar un contacto de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="91"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="91"/>
        <source>Contact&apos;s name</source>
        <translation>Nombre del contacto</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="92"/>
        <source>&amp;Relationship</source>
        <translation>&amp;Relación</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="93"/>
        <source>How they are related to the caller, for example daughter</source>
        <translation>Qué relación tiene con el llamante, por ejemplo hija</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="96"/>
        <source>N&amp;umbers</source>
        <translation>Nú&amp;meros</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="97"/>
        <source>The contact&apos;s phone numbers, separated by semicolons, each optionally followed by a label</source>
        <translation>Los números de teléfono del contacto separados por punto y coma, cada uno con una etiqueta opcional</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="115"/>
        <source>&amp;Remove this contact…</source>
        <translation>&amp;Quitar este contacto…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="116"/>
        <source>Remove {0} as an emergency contact</source>
        <translation>Quitar a {0} como contacto de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="106"/>
        <source>May be contacted about {0}</source>
        <translation>Se le puede contactar por {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="110"/>
        <source>May contact &amp;for</source>
        <translation>Se puede contactar &amp;por</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="111"/>
        <source>How the caller agreed, for example verbally on this call</source>
        <translation>Cómo dio su acuerdo el llamante, por ejemplo de palabra en esta llamada</translation>
    </message>
</context>
<context>
    <name>ContactList</name>
    <message>
        <location filename="../../ui/agent/contact_list.py" line="46"/>
        <source>No emergency contacts on file.</source>
        <translation>No hay contactos de emergencia registrados.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/contact_list.py" line="61"/>
        <source>nothing agreed</source>
        <translation>nada acordado</translation>
    </message>
    <message>
        <location filename="../../ui/agent/contact_list.py" line="62"/>
        <source>{0}, {1} · may contact for {2}</source>
        <translation>{0}, {1} · se le puede contactar por {2}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/contact_list.py" line="63"/>
        <source>relationship not recorded</source>
        <translation>relación sin registrar</translation>
    </message>
    <message>
        <location filename="../../ui/agent/contact_list.py" line="69"/>
        <source>Consent: {0}, {1}, recorded by {2}</source>
        <translation>Consentimiento: {0}, {1}, registrado por {2}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/contact_list.py" line="72"/>
        <source>⚠ No consent on record: contact only if the caller&apos;s life or safety is at risk</source>
        <translation>⚠ Sin consentimiento registrado: contacta solo si la vida o la seguridad del llamante corren peligro</translation>
    </message>
    <message>
        <location filename="../../ui/agent/contact_list.py" line="80"/>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <location filename="../../ui/agent/contact_list.py" line="82"/>
        <source>Call {0} on {1}</source>
        <translation>Llamar a {0} al {1}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/contact_list.py" line="84"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../ui/agent/contact_list.py" line="86"/>
        <source>Copy {0}&apos;s number {1}</source>
        <translation>Copiar el número de {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/contact_list.py" line="97"/>
        <source>Edit…  (F2)</source>
        <translation>Editar…  (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/contact_list.py" line="99"/>
        <source>Edit or remove {0} as an emergency contact</source>
        <translation>Editar o quitar a {0} como contacto de emergencia</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/errors.py" line="50"/>
        <location filename="../../ui/errors.py" line="51"/>
        <source>Something went wrong</source>
        <translation>Algo ha fallado</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="53"/>
        <source> A report was saved to {0}.</source>
        <translation> Se guardó un informe en {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="55"/>
        <source>cxassist hit a problem it did not expect. What you saved before is safe.</source>
        <translation>cxassist ha tenido un problema inesperado. Lo que guardaste antes está a salvo.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="62"/>
        <source>Technical details for IT</source>
        <translation>Detalles técnicos para informática</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="66"/>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="68"/>
        <source>Copy the technical details</source>
        <translation>Copiar los detalles técnicos</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <location filename="../../ui/console/dashboard_view.py" line="58"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location filename="../../ui/console/dashboard_view.py" line="60"/>
        <source>Refresh the dashboard</source>
        <translation>Actualizar el panel</translation>
    </message>
    <message>
        <location filename="../../ui/console/dashboard_view.py" line="61"/>
        <source>Count again (F5)</source>
        <translation>Volver a contar (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/console/dashboard_view.py" line="72"/>
        <source>Charts are not installed on this computer, so each one is shown as a table. IT can add them with the cxassist-charts package.</source>
        <translation>Los gráficos no están instalados en este equipo, así que cada uno se muestra como tabla. TI puede añadirlos con el paquete cxassist-charts.</translation>
    </message>
    <message>
        <location filename="../../ui/console/dashboard_view.py" line="90"/>
        <source>Dashboard charts</source>
        <translation>Gráficos del panel</translation>
    </message>
    <message>
        <location filename="../../ui/console/dashboard_view.py" line="133"/>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <location filename="../../ui/console/dashboard_view.py" line="153"/>
        <source>No contacts in this range ({0}).</source>
        <translation>No hay contactos en este periodo ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/console/dashboard_view.py" line="167"/>
        <source>The dashboard cannot count these filters: {0}</source>
        <translation>El panel no puede contar con estos filtros: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/dashboard_view.py" line="169"/>
        <source>The dashboard could not be counted; the problem has been reported.</source>
        <translation>No se pudo calcular el panel; el problema se ha notificado.</translation>
    </message>
</context>
<context>
    <name>DutyOfCareTab</name>
    <message>
        <location filename="../../ui/console/duty_view.py" line="73"/>
        <source>Duty of care: oldest first</source>
        <translation>Deber de cuidado: los más antiguos primero</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="75"/>
        <source>Each stays here until an outcome is recorded. Press Enter to open one.</source>
        <translation>Cada caso sigue aquí hasta que se registra un resultado. Pulsa Intro para abrir uno.</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="81"/>
        <source>Duty-of-care queue, oldest first</source>
        <translation>Cola del deber de cuidado, los más antiguos primero</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="88"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="88"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="88"/>
        <source>Caller</source>
        <translation>Llamante</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="88"/>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="88"/>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="99"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="99"/>
        <source>Open the selected item</source>
        <translation>Abrir el caso seleccionado</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="104"/>
        <source>&amp;Record outcome…</source>
        <translation>&amp;Registrar resultado…</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="105"/>
        <source>Record the outcome for the selected item</source>
        <translation>Registrar el resultado del caso seleccionado</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="109"/>
        <source>Load &amp;more</source>
        <translation>Cargar &amp;más</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="109"/>
        <source>Load more of the queue</source>
        <translation>Cargar más casos de la cola</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="157"/>
        <source>unknown caller</source>
        <translation>llamante desconocido</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="167"/>
        <source>Nothing waiting: every item has an outcome.</source>
        <translation>No hay nada pendiente: todos los casos tienen resultado.</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="169"/>
        <source>{0} shown; more waiting (Load more).</source>
        <translation>{0} mostrados; hay más pendientes (Cargar más).</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="171"/>
        <source>{0} waiting.</source>
        <translation>{0} pendientes.</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="175"/>
        <source>Could not read the duty-of-care queue: {0}</source>
        <translation>No se pudo leer la cola del deber de cuidado: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_view.py" line="215"/>
        <source>Choose an item in the queue first.</source>
        <translation>Primero elige un caso de la cola.</translation>
    </message>
</context>
<context>
    <name>DutyOutcomeDialog</name>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="66"/>
        <source>Record the duty-of-care outcome</source>
        <translation>Registrar el resultado del deber de cuidado</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="68"/>
        <source>What was done to keep this caller safe? The call leaves the duty-of-care queue on every desktop once saved.</source>
        <translation>¿Qué se hizo para proteger a este llamante? Al guardarlo, la llamada sale de la cola del deber de cuidado en todos los equipos.</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../ui/widgets/edit_dialog.py" line="42"/>
        <source>Save these details</source>
        <translation>Guardar estos datos</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/edit_dialog.py" line="45"/>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/edit_dialog.py" line="88"/>
        <source>⚠ Not saved: {0}</source>
        <translation>⚠ No se guardó: {0}</translation>
    </message>
</context>
<context>
    <name>EmergencyModeDialog</name>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="43"/>
        <location filename="../../ui/agent/emergency_mode.py" line="44"/>
        <source>Emergency mode</source>
        <translation>Modo de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="51"/>
        <source>⚠ Emergency mode</source>
        <translation>⚠ Modo de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="53"/>
        <source>Emergency for</source>
        <translation>Tiempo en emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="67"/>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="67"/>
        <source>Call the emergency number</source>
        <translation>Llamar al número de emergencias</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="70"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="70"/>
        <source>Copy the emergency number</source>
        <translation>Copiar el número de emergencias</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="83"/>
        <source>Checklist: one click saves each step with its time</source>
        <translation>Lista de pasos: un clic guarda cada paso con su hora</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="88"/>
        <source>Record: {0}</source>
        <translation>Registrar: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="96"/>
        <source>Note another step</source>
        <translation>Anotar otro paso</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="97"/>
        <source>Another step, e.g. &apos;paramedics on the way, 10 minutes&apos;</source>
        <translation>Otro paso, p. ej. «ambulancia en camino, 10 minutos»</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="100"/>
        <source>Save step</source>
        <translation>Guardar paso</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="100"/>
        <source>Save the step you typed</source>
        <translation>Guardar el paso que escribiste</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="104"/>
        <source>Saved steps</source>
        <translation>Pasos guardados</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="107"/>
        <source>Steps saved so far, with their times</source>
        <translation>Pasos guardados hasta ahora, con su hora</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="111"/>
        <source>Emergency contacts</source>
        <translation>Contactos de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="120"/>
        <source>Close (the steps stay saved)</source>
        <translation>Cerrar (los pasos quedan guardados)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="121"/>
        <source>Close emergency mode; the steps stay saved</source>
        <translation>Cerrar el modo de emergencia; los pasos quedan guardados</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="130"/>
        <source>Emergency number ({0}): {1}</source>
        <translation>Número de emergencias ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="132"/>
        <source>Call {0}</source>
        <translation>Llamar al {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="133"/>
        <source>Address: {0}</source>
        <translation>Dirección: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="134"/>
        <source>none on file: ask the caller where they are now</source>
        <translation>no hay ninguna registrada: pregunta al llamante dónde está ahora</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="136"/>
        <source>Caller&apos;s local time: {0}</source>
        <translation>Hora local del llamante: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_mode.py" line="137"/>
        <source>not known</source>
        <translation>no se sabe</translation>
    </message>
</context>
<context>
    <name>EmergencyPanel</name>
    <message>
        <location filename="../../ui/agent/emergency_panel.py" line="30"/>
        <location filename="../../ui/agent/emergency_panel.py" line="34"/>
        <source>Emergency contacts</source>
        <translation>Contactos de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_panel.py" line="38"/>
        <source>Show numbers and consent</source>
        <translation>Ver números y consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_panel.py" line="41"/>
        <source>Show the emergency contacts&apos; numbers and consent (this is recorded)</source>
        <translation>Ver los números y el consentimiento de los contactos de emergencia (queda registrado)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_panel.py" line="49"/>
        <source>Add an emergency contact…</source>
        <translation>Añadir contacto de emergencia…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_panel.py" line="51"/>
        <source>Add an emergency contact for this caller</source>
        <translation>Añadir un contacto de emergencia para este llamante</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_panel.py" line="62"/>
        <source>Contacts appear here once the caller is known.</source>
        <translation>Los contactos aparecen aquí cuando se sabe quién llama.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/emergency_panel.py" line="64"/>
        <source>No emergency contacts on file. Ask if they would like to add one.</source>
        <translation>No hay contactos de emergencia registrados. Pregunta si quiere añadir uno.</translation>
    </message>
</context>
<context>
    <name>EndVulnerabilityDialog</name>
    <message>
        <location filename="../../ui/agent/end_care.py" line="47"/>
        <source>Mark a need as ended</source>
        <translation>Dar por terminada una necesidad</translation>
    </message>
    <message>
        <location filename="../../ui/agent/end_care.py" line="50"/>
        <source>Mark this need ({0}: {1}) as ended? Its adjustments will no longer be shown or shape prompts. This is recorded with your name and the reason.</source>
        <translation>¿Dar por terminada esta necesidad ({0}: {1})? Sus adaptaciones dejarán de mostrarse y de influir en las indicaciones. Queda registrado con tu nombre y el motivo.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/end_care.py" line="57"/>
        <source>Why the need has ended</source>
        <translation>Por qué ha terminado la necesidad</translation>
    </message>
    <message>
        <location filename="../../ui/agent/end_care.py" line="60"/>
        <source>&amp;Why</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <location filename="../../ui/agent/end_care.py" line="61"/>
        <source>Mark ended</source>
        <translation>Dar por terminada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/end_care.py" line="61"/>
        <source>Mark the need as ended</source>
        <translation>Dar por terminada la necesidad</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="46"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="47"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON por líneas (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="50"/>
        <location filename="../../ui/console/export_dialog.py" line="94"/>
        <location filename="../../ui/console/export_dialog.py" line="95"/>
        <source>Export the filtered interactions</source>
        <translation>Exportar las interacciones filtradas</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="109"/>
        <source>Every interaction the log&apos;s filters show is exported, oldest first. Notes were redacted when they were saved.</source>
        <translation>Se exportan todas las interacciones que muestran los filtros del registro, las más antiguas primero. Las notas se depuraron al guardarse.</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="116"/>
        <source>&amp;CSV (for spreadsheets)</source>
        <translation>&amp;CSV (para hojas de cálculo)</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="118"/>
        <source>Export as CSV</source>
        <translation>Exportar como CSV</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="120"/>
        <source>&amp;JSON lines (one interaction a line)</source>
        <translation>&amp;JSON por líneas (una interacción por línea)</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="122"/>
        <source>Export as JSON lines</source>
        <translation>Exportar como JSON por líneas</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="131"/>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="134"/>
        <source>File to export to</source>
        <translation>Archivo al que exportar</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="136"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="138"/>
        <source>Choose the file to export to</source>
        <translation>Elegir el archivo al que exportar</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="146"/>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="155"/>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="155"/>
        <source>Start the export</source>
        <translation>Empezar la exportación</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="157"/>
        <source>&amp;Cancel export</source>
        <translation>Ca&amp;ncelar exportación</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="157"/>
        <source>Cancel the export</source>
        <translation>Cancelar la exportación</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="161"/>
        <source>Cl&amp;ose</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="161"/>
        <source>Close the export window</source>
        <translation>Cerrar la ventana de exportación</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="215"/>
        <source>Choose a file to export to first.</source>
        <translation>Primero elige el archivo al que exportar.</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="221"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="243"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="247"/>
        <source>Exporting… {0:,} rows written</source>
        <translation>Exportando… {0:,} filas escritas</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="252"/>
        <source>interaction</source>
        <translation>interacción</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="252"/>
        <source>interactions</source>
        <translation>interacciones</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="253"/>
        <source>Exported {0:,} {1} to {2}</source>
        <translation>Se exportaron {0:,} {1} a {2}</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="267"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>Se canceló la exportación; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="269"/>
        <source>⚠ {0} No file was written.</source>
        <translation>⚠ {0} No se escribió ningún archivo.</translation>
    </message>
    <message>
        <location filename="../../ui/console/export_dialog.py" line="271"/>
        <source>⚠ The export failed on our side; no file was written.</source>
        <translation>⚠ La exportación falló por un problema nuestro; no se escribió ningún archivo.</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="23"/>
        <source>Record customer feedback</source>
        <translation>Registrar la opinión del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="30"/>
        <source>C&amp;ompliment</source>
        <translation>&amp;Elogio</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="32"/>
        <source>A compliment</source>
        <translation>Un elogio</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="33"/>
        <source>Com&amp;plaint</source>
        <translation>&amp;Queja</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="35"/>
        <source>A complaint</source>
        <translation>Una queja</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="40"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="43"/>
        <source>How the feedback came in</source>
        <translation>Cómo llegó la opinión</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="46"/>
        <source>Came &amp;by</source>
        <translation>Llegó &amp;por</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="49"/>
        <source>What the customer said</source>
        <translation>Lo que dijo el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="52"/>
        <source>&amp;What they said</source>
        <translation>&amp;Lo que dijo</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="53"/>
        <source>Ask a se&amp;nior person to call them back</source>
        <translation>Pedir que le llame un &amp;responsable</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="55"/>
        <source>Ask a senior person to call the customer back</source>
        <translation>Pedir que un responsable devuelva la llamada al cliente</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="66"/>
        <source>A compliment shows as recognition in the agent&apos;s workspace.</source>
        <translation>Un elogio aparece como reconocimiento en el espacio de trabajo del agente.</translation>
    </message>
    <message>
        <location filename="../../ui/console/feedback_dialog.py" line="70"/>
        <source>A complaint opens a follow-up on this call, due tomorrow, which shows in the caller&apos;s history.</source>
        <translation>Una queja abre un seguimiento de esta llamada para mañana, que aparece en el historial del llamante.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="57"/>
        <source>Show interactions from this day</source>
        <translation>Mostrar las interacciones desde este día</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="58"/>
        <source>Show interactions up to and including this day</source>
        <translation>Mostrar las interacciones hasta este día, incluido</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="59"/>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="60"/>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="61"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="62"/>
        <source>Any channel</source>
        <translation>Cualquier canal</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="65"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="66"/>
        <source>Any outcome</source>
        <translation>Cualquier resultado</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="70"/>
        <source>Tags, separated by commas</source>
        <translation>Etiquetas, separadas por comas</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="71"/>
        <source>tags, comma separated</source>
        <translation>etiquetas, separadas por comas</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="72"/>
        <source>Search the notes and reasons</source>
        <translation>Buscar en las notas y los motivos</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="73"/>
        <source>Search notes and reasons (newest first)</source>
        <translation>Buscar en notas y motivos (más recientes primero)</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="76"/>
        <source>Involved an &amp;emergency</source>
        <translation>Hubo una e&amp;mergencia</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="78"/>
        <source>Only interactions that involved an emergency</source>
        <translation>Solo interacciones en las que hubo una emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="81"/>
        <source>&amp;Vulnerable caller</source>
        <translation>Llamante &amp;vulnerable</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="83"/>
        <source>Only interactions with a vulnerable caller</source>
        <translation>Solo interacciones con un llamante vulnerable</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="86"/>
        <source>Follow-up &amp;overdue</source>
        <translation>Seguimiento venc&amp;ido</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="88"/>
        <source>Only interactions whose follow-up is overdue</source>
        <translation>Solo interacciones con el seguimiento vencido</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="91"/>
        <source>Not yet &amp;reviewed</source>
        <translation>&amp;Sin revisar</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="93"/>
        <source>Only interactions without a quality review</source>
        <translation>Solo interacciones sin revisión de calidad</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="96"/>
        <source>&amp;Apply filters</source>
        <translation>&amp;Aplicar filtros</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="96"/>
        <source>Apply the filters to the log</source>
        <translation>Aplicar los filtros al registro</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="99"/>
        <source>C&amp;lear filters</source>
        <translation>&amp;Limpiar filtros</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="101"/>
        <source>Clear every filter back to the last 30 days</source>
        <translation>Quitar todos los filtros y volver a los últimos 30 días</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="111"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="112"/>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="113"/>
        <source>Age&amp;nt</source>
        <translation>A&amp;gente</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="114"/>
        <source>Tea&amp;m</source>
        <translation>&amp;Equipo</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="121"/>
        <source>C&amp;hannel</source>
        <translation>&amp;Canal</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="122"/>
        <source>O&amp;utcome</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="123"/>
        <source>Ta&amp;gs</source>
        <translation>&amp;Etiquetas</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="124"/>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="161"/>
        <source>Any agent</source>
        <translation>Cualquier agente</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="166"/>
        <source>Any team</source>
        <translation>Cualquier equipo</translation>
    </message>
    <message>
        <location filename="../../ui/console/filter_bar.py" line="246"/>
        <source>⚠ {0}</source>
        <translation>⚠ {0}</translation>
    </message>
</context>
<context>
    <name>FrictionMarker</name>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="148"/>
        <source>Caller found a rule &amp;pointless…</source>
        <translation>Norma &amp;inútil para el llamante…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="168"/>
        <source>Note a rule, policy or process the caller found pointless ({0})</source>
        <translation>Anotar una norma, política o proceso que al llamante le pareció inútil ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="170"/>
        <source>Available during a call: there is no call in progress to note it against.</source>
        <translation>Disponible durante una llamada: ahora no hay ninguna llamada en curso a la que asociarlo.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="177"/>
        <source>There is no call in progress to note a rule against.</source>
        <translation>No hay ninguna llamada en curso a la que asociar la norma.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="214"/>
        <source>✓ Noted: “{0}”. Supervisors see it ranked in the console.</source>
        <translation>✓ Anotado: «{0}». Supervisión lo verá en la clasificación de la consola.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="222"/>
        <source>something went wrong on our side; try again.</source>
        <translation>algo falló por nuestra parte; inténtalo de nuevo.</translation>
    </message>
</context>
<context>
    <name>FrictionPopup</name>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="44"/>
        <source>A rule the caller found pointless</source>
        <translation>Una norma que al llamante le pareció inútil</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="45"/>
        <source>Note a rule the caller found pointless</source>
        <translation>Anotar una norma que al llamante le pareció inútil</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="48"/>
        <source>Noted against this call, so a supervisor can take it to whoever owns the rule.</source>
        <translation>Se anota en esta llamada, para que supervisión pueda trasladarlo a quien se ocupe de la norma.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="54"/>
        <source>Which rule, policy or process the caller found pointless</source>
        <translation>Qué norma, política o proceso le pareció inútil al llamante</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="61"/>
        <source>e.g. Proof of address sent by post</source>
        <translation>p. ej. Justificante de domicilio por correo postal</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="63"/>
        <source>&amp;Which rule, policy or process?</source>
        <translation>¿&amp;Qué norma, política o proceso?</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="68"/>
        <source>In a few words, what the caller said about it</source>
        <translation>En pocas palabras, qué dijo el llamante al respecto</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="71"/>
        <source>In a few &amp;words</source>
        <translation>En pocas &amp;palabras</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="81"/>
        <source>Save  (Enter)</source>
        <translation>Guardar  (Intro)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="83"/>
        <source>Save the friction point</source>
        <translation>Guardar el punto de fricción</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="87"/>
        <source>Close without saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="113"/>
        <source>Name the rule, policy or process first.</source>
        <translation>Primero indica la norma, política o proceso.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/friction_marker.py" line="123"/>
        <source>⚠ Not saved: {0}</source>
        <translation>⚠ No se guardó: {0}</translation>
    </message>
</context>
<context>
    <name>FrictionTab</name>
    <message>
        <location filename="../../ui/console/friction_view.py" line="53"/>
        <source>Friction points</source>
        <translation>Puntos de fricción</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="62"/>
        <source>Show friction points marked in the last</source>
        <translation>Mostrar los puntos de fricción marcados en los últimos</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="64"/>
        <source>{0} days</source>
        <translation>{0} días</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="67"/>
        <source>Mar&amp;ked in the last</source>
        <translation>&amp;Marcados en los últimos</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="72"/>
        <source>Most pressing first: each time a rule is marked counts 1 today, ½ after a month, ¼ after two.</source>
        <translation>Lo más urgente primero: cada vez que se marca una norma cuenta 1 hoy, ½ al cabo de un mes y ¼ al cabo de dos.</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="83"/>
        <source>Friction points, most pressing first</source>
        <translation>Puntos de fricción, los más urgentes primero</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="85"/>
        <source>Rule, policy or process</source>
        <translation>Norma, política o proceso</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="86"/>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="87"/>
        <source>Times marked</source>
        <translation>Veces marcada</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="88"/>
        <source>Last marked</source>
        <translation>Última vez</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="89"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="100"/>
        <source>Mark as re&amp;moved…</source>
        <translation>Marcar como &amp;eliminada…</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="102"/>
        <source>Mark the selected rule as removed</source>
        <translation>Marcar como eliminada la norma seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="108"/>
        <source>Exampl&amp;es (press Enter or double-click to open the interaction)</source>
        <translation>E&amp;jemplos (pulsa Intro o haz doble clic para abrir la interacción)</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="112"/>
        <source>Recent examples of the selected rule</source>
        <translation>Ejemplos recientes de la norma seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="113"/>
        <source>Call started</source>
        <translation>Inicio de la llamada</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="113"/>
        <source>In the agent&apos;s words</source>
        <translation>En palabras del agente</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="164"/>
        <source>⟲ Marked again after it was removed</source>
        <translation>⟲ Marcada de nuevo después de eliminarla</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="164"/>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="169"/>
        <source>No rule was marked in the last {0} days.</source>
        <translation>No se marcó ninguna norma en los últimos {0} días.</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="197"/>
        <source>(no words given)</source>
        <translation>(sin comentarios)</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="212"/>
        <source>Mark “{0}” as removed? Its {1} open friction points leave the ranking; if agents mark it again it comes back, flagged.</source>
        <translation>¿Marcar «{0}» como eliminada? Sus {1} puntos de fricción abiertos salen de la clasificación; si los agentes la vuelven a marcar, vuelve con un aviso.</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="216"/>
        <source>Yes, it was removed</source>
        <translation>Sí, se eliminó</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="217"/>
        <source>Keep it</source>
        <translation>Mantenerla</translation>
    </message>
    <message>
        <location filename="../../ui/console/friction_view.py" line="226"/>
        <source>✓ “{0}” marked as removed ({1} friction points).</source>
        <translation>✓ «{0}» marcada como eliminada ({1} puntos de fricción).</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ui/agent/history_view.py" line="38"/>
        <source>History, newest first</source>
        <translation>Historial, lo más reciente primero</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_view.py" line="45"/>
        <source>Earlier contacts with this caller, newest first</source>
        <translation>Contactos anteriores con este llamante, los más recientes primero</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_view.py" line="60"/>
        <source>No earlier contacts.</source>
        <translation>No hay contactos anteriores.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_view.py" line="69"/>
        <source>Older history…</source>
        <translation>Historial anterior…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_view.py" line="71"/>
        <source>Fetch older history of this caller from the centre</source>
        <translation>Traer del centro el historial anterior de este cliente</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_view.py" line="100"/>
        <source>Loading older history…</source>
        <translation>Cargando el historial anterior…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_view.py" line="183"/>
        <source>⚑ Follow-up due {0}: {1}</source>
        <translation>⚑ Seguimiento para el {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_view.py" line="184"/>
        <source>⚠ Follow-up OVERDUE since {0}: {1}</source>
        <translation>⚠ Seguimiento VENCIDO desde el {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_view.py" line="185"/>
        <source>no reason recorded</source>
        <translation>sin motivo registrado</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_view.py" line="188"/>
        <source>Mark done</source>
        <translation>Marcar hecho</translation>
    </message>
    <message>
        <location filename="../../ui/agent/history_view.py" line="190"/>
        <source>Mark the follow-up about {0} done</source>
        <translation>Marcar como hecho el seguimiento sobre {0}</translation>
    </message>
</context>
<context>
    <name>InteractionDetailWindow</name>
    <message>
        <location filename="../../ui/console/detail_view.py" line="56"/>
        <source>Interaction</source>
        <translation>Interacción</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_view.py" line="57"/>
        <source>One interaction in full</source>
        <translation>Una interacción completa</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_view.py" line="67"/>
        <source>The interaction in full; links open the caller&apos;s other contacts</source>
        <translation>La interacción completa; los enlaces abren los otros contactos del llamante</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_view.py" line="75"/>
        <source>&amp;Review this call…</source>
        <translation>&amp;Revisar esta llamada…</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_view.py" line="76"/>
        <source>Review this call: scores, comment and kudos</source>
        <translation>Revisar esta llamada: puntuaciones, comentario y felicitación</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_view.py" line="82"/>
        <source>Record customer &amp;feedback…</source>
        <translation>Registrar &amp;opinión del cliente…</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_view.py" line="83"/>
        <source>Record a compliment or complaint from the customer</source>
        <translation>Registrar un elogio o una queja del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_view.py" line="89"/>
        <source>Record &amp;duty-of-care outcome…</source>
        <translation>Registrar resultado del &amp;deber de cuidado…</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_view.py" line="90"/>
        <source>Record the duty-of-care outcome for this call</source>
        <translation>Registrar el resultado del deber de cuidado de esta llamada</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_view.py" line="94"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_view.py" line="94"/>
        <source>Close this interaction</source>
        <translation>Cerrar esta interacción</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_view.py" line="121"/>
        <source>Interaction: {0}</source>
        <translation>Interacción: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/detail_view.py" line="130"/>
        <source>Could not open this interaction: {0}</source>
        <translation>No se pudo abrir esta interacción: {0}</translation>
    </message>
</context>
<context>
    <name>InteractionForm</name>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="45"/>
        <location filename="../../ui/agent/interaction_form.py" line="50"/>
        <source>This call</source>
        <translation>Esta llamada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="55"/>
        <source>New caller&apos;s full name (saved with the call)</source>
        <translation>Nombre completo del llamante nuevo (se guarda con la llamada)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="56"/>
        <source>New caller&apos;s &amp;name</source>
        <translation>&amp;Nombre del llamante nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="63"/>
        <source>Channel of this contact</source>
        <translation>Canal de este contacto</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="67"/>
        <source>C&amp;hannel</source>
        <translation>&amp;Canal</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="73"/>
        <source>Outcome, as the caller would judge it</source>
        <translation>Resultado, tal como lo vería el llamante</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="78"/>
        <source>&amp;Outcome</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="84"/>
        <source>Reason for the call</source>
        <translation>Motivo de la llamada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="85"/>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="89"/>
        <source>Note about this call; card numbers are masked as you type</source>
        <translation>Nota sobre esta llamada; los números de tarjeta se ocultan mientras escribes</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="91"/>
        <source>What happened, in your words. Card numbers are masked automatically.</source>
        <translation>Qué pasó, en tus palabras. Los números de tarjeta se ocultan solos.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="94"/>
        <source>No&amp;te</source>
        <translation>No&amp;ta</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="101"/>
        <source>Tags, separated by commas</source>
        <translation>Etiquetas, separadas por comas</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="102"/>
        <source>T&amp;ags</source>
        <translation>&amp;Etiquetas</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="105"/>
        <source>Caller found a rule &amp;pointless…</source>
        <translation>Norma &amp;inútil para el llamante…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="107"/>
        <source>Note a rule, policy or process the caller found pointless</source>
        <translation>Anotar una norma, política o proceso que al llamante le pareció inútil</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="116"/>
        <source>&amp;Follow-up needed, due</source>
        <translation>Se&amp;guimiento para el</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="118"/>
        <source>A follow-up is needed</source>
        <translation>Hace falta un seguimiento</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="122"/>
        <source>Follow-up due date</source>
        <translation>Fecha del seguimiento</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="134"/>
        <source>Save  (Ctrl+S)</source>
        <translation>Guardar  (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="136"/>
        <source>Save this call</source>
        <translation>Guardar esta llamada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="201"/>
        <source>⚠ Not saved: {0} Your text is still here and in the draft.</source>
        <translation>⚠ No se guardó: {0} Tu texto sigue aquí y en el borrador.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="223"/>
        <source>A card number was masked</source>
        <translation>Se ocultó un número de tarjeta</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="225"/>
        <source>A security code was removed</source>
        <translation>Se quitó un código de seguridad</translation>
    </message>
    <message>
        <location filename="../../ui/agent/interaction_form.py" line="226"/>
        <source>: card details are never stored.</source>
        <translation>: los datos de tarjeta nunca se guardan.</translation>
    </message>
</context>
<context>
    <name>InteractionLogTab</name>
    <message>
        <location filename="../../ui/console/log_view.py" line="87"/>
        <source>O&amp;rder:</source>
        <translation>Orde&amp;n:</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="90"/>
        <source>Order of the log</source>
        <translation>Orden del registro</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="92"/>
        <source>Newest first</source>
        <translation>Más recientes primero</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="93"/>
        <source>Oldest first</source>
        <translation>Más antiguas primero</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="94"/>
        <source>Agent A to Z</source>
        <translation>Agente de la A a la Z</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="95"/>
        <source>Agent Z to A</source>
        <translation>Agente de la Z a la A</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="96"/>
        <source>Channel A to Z</source>
        <translation>Canal de la A a la Z</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="97"/>
        <source>Channel Z to A</source>
        <translation>Canal de la Z a la A</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="109"/>
        <source>E&amp;xport this view…</source>
        <translation>E&amp;xportar esta vista…</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="111"/>
        <source>Export the interactions these filters show</source>
        <translation>Exportar las interacciones que muestran estos filtros</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="119"/>
        <source>Interactions matching the filters; press Enter to open one</source>
        <translation>Interacciones que cumplen los filtros; pulsa Intro para abrir una</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="138"/>
        <source>Refresh the log</source>
        <translation>Actualizar el registro</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="185"/>
        <source>Interactions have changed since the log loaded; press F5 to refresh.</source>
        <translation>Las interacciones han cambiado desde que se cargó el registro; pulsa F5 para actualizar.</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="231"/>
        <source>The log could not be loaded because of a problem on our side.</source>
        <translation>No se pudo cargar el registro por un problema nuestro.</translation>
    </message>
    <message>
        <location filename="../../ui/console/log_view.py" line="279"/>
        <source>The log has not loaded yet; apply the filters, then export.</source>
        <translation>El registro aún no se ha cargado; aplica los filtros y luego exporta.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/agent/main_window.py" line="69"/>
        <source>cxassist: agent workspace</source>
        <translation>cxassist: espacio de trabajo del agente</translation>
    </message>
    <message>
        <location filename="../../ui/agent/main_window.py" line="82"/>
        <source>Callers found by name; press Enter to open one</source>
        <translation>Llamantes encontrados por nombre; pulsa Intro para abrir uno</translation>
    </message>
    <message>
        <location filename="../../ui/agent/main_window.py" line="160"/>
        <source>Search by phone number or name</source>
        <translation>Buscar por número de teléfono o nombre</translation>
    </message>
    <message>
        <location filename="../../ui/agent/main_window.py" line="161"/>
        <source>Search number or name   (Ctrl+L)</source>
        <translation>Buscar número o nombre   (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/main_window.py" line="165"/>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/main_window.py" line="168"/>
        <source>⚠ Emergency  (Ctrl+E)</source>
        <translation>⚠ Emergencia  (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/agent/main_window.py" line="170"/>
        <source>Enter emergency mode</source>
        <translation>Entrar en modo de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/main_window.py" line="191"/>
        <source>{0} Nothing else was changed.</source>
        <translation>{0} No se cambió nada más.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/main_window.py" line="206"/>
        <source>No caller matches &apos;{0}&apos;.</source>
        <translation>Ningún llamante coincide con «{0}».</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="206"/>
        <source>Open or save the caller first: there is no caller on the card.</source>
        <translation>Primero abre o guarda el llamante: la ficha no tiene ningún llamante.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../ui/widgets/message_bar.py" line="30"/>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/message_bar.py" line="32"/>
        <source>Dismiss this message</source>
        <translation>Cerrar este mensaje</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/message_bar.py" line="47"/>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/message_bar.py" line="47"/>
        <source>Information</source>
        <translation>Información</translation>
    </message>
</context>
<context>
    <name>OlderHistory</name>
    <message>
        <location filename="../../ui/agent/older_history.py" line="47"/>
        <source>Show older history of this caller kept on this computer</source>
        <translation>Mostrar el historial anterior de este cliente guardado en este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/agent/older_history.py" line="106"/>
        <source>No older history</source>
        <translation>No hay historial anterior</translation>
    </message>
    <message>
        <location filename="../../ui/agent/older_history.py" line="108"/>
        <source>Older history could not be fetched: sync is not working on this computer (see the status bar). Nothing was lost.</source>
        <translation>No se pudo traer el historial anterior: la sincronización no funciona en este equipo (vea la barra de estado). No se ha perdido nada.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/older_history.py" line="111"/>
        <source>Older history could not be fetched: the centre refused this computer{0}. Please tell IT. Nothing was lost.</source>
        <translation>No se pudo traer el historial anterior: el centro rechazó este equipo{0}. Avise a TI, por favor. No se ha perdido nada.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/older_history.py" line="114"/>
        <source>Older history could not be fetched: the centre cannot be reached right now{0}. Nothing was lost; try again in a minute.</source>
        <translation>No se pudo traer el historial anterior: ahora no se puede contactar con el centro{0}. No se ha perdido nada; inténtelo de nuevo en un minuto.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/older_history.py" line="117"/>
        <source>Showing older history kept on this computer only. {0}</source>
        <translation>Se muestra solo el historial anterior guardado en este equipo. {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/older_history.py" line="124"/>
        <source>Older history could not be shown: {0} Nothing was lost; try again.</source>
        <translation>No se pudo mostrar el historial anterior: {0} No se ha perdido nada; inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>PackEditor</name>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="73"/>
        <source>No pack open</source>
        <translation>Ningún paquete abierto</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="85"/>
        <source>Prompt pack text, in TOML</source>
        <translation>Texto del paquete de indicaciones, en TOML</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="86"/>
        <source>The pack&apos;s text, in TOML, opens here.</source>
        <translation>El texto del paquete, en TOML, se abre aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="92"/>
        <source>Problems in this pack; press Enter on one to go to its line</source>
        <translation>Problemas de este paquete; pulsa Intro en uno para ir a su línea</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="101"/>
        <source>P&amp;ublish…</source>
        <translation>P&amp;ublicar…</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="103"/>
        <source>Publish this pack as a new version for every desktop</source>
        <translation>Publicar este paquete como nueva versión para todos los equipos</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="116"/>
        <source>Choose a pack in force to edit it, or start a new one.</source>
        <translation>Elige un paquete en vigor para editarlo, o empieza uno nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="142"/>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="175"/>
        <source>✗ {0} problem(s): fix them before publishing. Press Enter on one to go to its line.</source>
        <translation>✗ {0} problema(s): corrígelos antes de publicar. Pulsa Intro en uno para ir a su línea.</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="180"/>
        <source>✓ No problems found: pack &apos;{0}&apos; can be published.</source>
        <translation>✓ No hay problemas: el paquete «{0}» se puede publicar.</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="192"/>
        <source>The pack could not be checked.</source>
        <translation>No se pudo comprobar el paquete.</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="220"/>
        <source>Publish prompt pack</source>
        <translation>Publicar paquete de indicaciones</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="222"/>
        <source>Publish pack &apos;{0}&apos; as a new version? Every desktop takes it up at its next sync, and agents see its prompts from then on. You can roll back to an earlier version later.</source>
        <translation>¿Publicar el paquete «{0}» como nueva versión? Cada equipo lo recibe en su próxima sincronización y desde entonces los agentes ven sus indicaciones. Más adelante puedes volver a una versión anterior.</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="240"/>
        <source>{0}: published version {1}</source>
        <translation>{0}: versión publicada {1}</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="242"/>
        <source>Published &apos;{0}&apos; as version {1}. Desktops take it up at their next sync.</source>
        <translation>«{0}» publicado como versión {1}. Los equipos lo recibirán en su próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_editor.py" line="250"/>
        <source>Not published: {0}</source>
        <translation>No se publicó: {0}</translation>
    </message>
</context>
<context>
    <name>PackPreview</name>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="35"/>
        <source>Caller to preview for: phone number or name</source>
        <translation>Llamante para la vista previa: número de teléfono o nombre</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="36"/>
        <source>Phone number or caller name</source>
        <translation>Número de teléfono o nombre del llamante</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="40"/>
        <source>Note the agent has typed, for live cues (optional)</source>
        <translation>Nota que ha escrito el agente, para pistas en directo (opcional)</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="41"/>
        <source>What the agent has typed (optional)</source>
        <translation>Lo que ha escrito el agente (opcional)</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="43"/>
        <source>Pre&amp;view</source>
        <translation>Prev&amp;isualizar</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="45"/>
        <source>Preview the prompts this caller would see with this pack</source>
        <translation>Previsualizar las indicaciones que vería este llamante con este paquete</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="51"/>
        <source>Type a phone number or a name, then press Enter to preview.</source>
        <translation>Escribe un número de teléfono o un nombre y pulsa Intro para previsualizar.</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="56"/>
        <source>Prompts this caller would see, in order, each with why</source>
        <translation>Indicaciones que vería este llamante, en orden, cada una con su porqué</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="64"/>
        <source>No preview: open a pack or start a new one first.</source>
        <translation>Sin vista previa: primero abre un paquete o empieza uno nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="68"/>
        <source>Working out the prompts…</source>
        <translation>Calculando las indicaciones…</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="77"/>
        <source>No prompts for {0}: no rule applies to them now.</source>
        <translation>No hay indicaciones para {0}: ahora no se aplica ninguna regla.</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="80"/>
        <source>{0} prompts for {1}, in the order the agent sees them:</source>
        <translation>{0} indicaciones para {1}, en el orden en que las ve el agente:</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="86"/>
        <source>{0}: {1}
Why: {2} (rule {3})</source>
        <translation>{0}: {1}
Por qué: {2} (regla {3})</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="98"/>
        <source>the pack has {0} problem(s); fix them first.</source>
        <translation>el paquete tiene {0} problema(s); corrígelos primero.</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="102"/>
        <source>something went wrong (reported).</source>
        <translation>algo falló (se ha notificado).</translation>
    </message>
    <message>
        <location filename="../../ui/console/pack_preview.py" line="103"/>
        <source>No preview: {0}</source>
        <translation>Sin vista previa: {0}</translation>
    </message>
</context>
<context>
    <name>PromptCard</name>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="129"/>
        <source>Why: {0}</source>
        <translation>Por qué: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="85"/>
        <location filename="../../ui/agent/prompts_panel.py" line="133"/>
        <source>Use</source>
        <translation>Usar</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="130"/>
        <source>Use this prompt: {0}</source>
        <translation>Usar esta indicación: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="87"/>
        <source>Why?</source>
        <translation>¿Por qué?</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="87"/>
        <source>Why this prompt is shown</source>
        <translation>Por qué se muestra esta indicación</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="92"/>
        <source>⚠ Emergency mode</source>
        <translation>⚠ Modo de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="93"/>
        <source>Open emergency mode</source>
        <translation>Abrir el modo de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="100"/>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="101"/>
        <source>Dismiss this prompt, optionally saying why</source>
        <translation>Descartar esta indicación, diciendo por qué si quieres</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="105"/>
        <source>Dismiss: {0}</source>
        <translation>Descartar: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="105"/>
        <source>Dismiss without a reason</source>
        <translation>Descartar sin motivo</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="150"/>
        <source>✓ Used (copied)</source>
        <translation>✓ Usada (copiada)</translation>
    </message>
</context>
<context>
    <name>PromptFeedbackView</name>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="47"/>
        <source>Prompts agents dismissed, last {0} days</source>
        <translation>Indicaciones que descartaron los agentes, últimos {0} días</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="51"/>
        <source>Dismissed prompts by rule, with the reasons agents gave</source>
        <translation>Indicaciones descartadas por regla, con los motivos de los agentes</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="52"/>
        <source>Rule or reason</source>
        <translation>Regla o motivo</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="52"/>
        <source>Times</source>
        <translation>Veces</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="55"/>
        <source>Prompts agents suggested</source>
        <translation>Indicaciones que propusieron los agentes</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="58"/>
        <source>Open prompt suggestions from agents, oldest first</source>
        <translation>Propuestas de indicaciones abiertas de los agentes, las más antiguas primero</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="64"/>
        <source>Suggestion</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="64"/>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="64"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="64"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="74"/>
        <source>Mark as &amp;done</source>
        <translation>Marcar como &amp;hecha</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="75"/>
        <source>Mark the selected suggestion as done</source>
        <translation>Marcar como hecha la propuesta seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="80"/>
        <source>&amp;Not doing</source>
        <translation>&amp;No se hará</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="81"/>
        <source>Mark the selected suggestion as not doing</source>
        <translation>Marcar que la propuesta seleccionada no se hará</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="114"/>
        <source>{0} (shown {1} times)</source>
        <translation>{0} (mostrada {1} veces)</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="117"/>
        <source>(no reason given)</source>
        <translation>(sin motivo)</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="121"/>
        <source>No prompt was dismissed.</source>
        <translation>No se descartó ninguna indicación.</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="131"/>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="144"/>
        <source>{0} suggestion(s) waiting.</source>
        <translation>{0} propuesta(s) pendiente(s).</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="144"/>
        <source>No suggestions waiting.</source>
        <translation>No hay propuestas pendientes.</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="150"/>
        <source>Could not read the agents&apos; feedback: {0}</source>
        <translation>No se pudieron leer las opiniones de los agentes: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="179"/>
        <source>Choose a suggestion first.</source>
        <translation>Primero elige una propuesta.</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="190"/>
        <source>done</source>
        <translation>hecha</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="190"/>
        <source>not doing</source>
        <translation>no se hará</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="191"/>
        <source>Marked “{0}” as {1}.</source>
        <translation>Propuesta «{0}»: {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/console/prompt_feedback_view.py" line="195"/>
        <source>Not changed: {0}</source>
        <translation>Sin cambios: {0}</translation>
    </message>
</context>
<context>
    <name>PromptPacksTab</name>
    <message>
        <location filename="../../ui/console/packs_view.py" line="59"/>
        <source>Prompt packs and agents&apos; feedback</source>
        <translation>Paquetes de indicaciones y opiniones de los agentes</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="61"/>
        <source>Choose: packs, or agents&apos; feedback</source>
        <translation>Elige: paquetes u opiniones de los agentes</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="70"/>
        <source>Pac&amp;ks</source>
        <translation>&amp;Paquetes</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="72"/>
        <source>Agents&apos; &amp;feedback</source>
        <translation>&amp;Opiniones de agentes</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="79"/>
        <source>Packs in force, in order</source>
        <translation>Paquetes en vigor, por orden</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="82"/>
        <source>Packs in force and their published versions; Enter opens one</source>
        <translation>Paquetes en vigor y sus versiones publicadas; Intro abre uno</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="86"/>
        <source>Pack</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="86"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="86"/>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="86"/>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="86"/>
        <source>Published by, when</source>
        <translation>Publicado por, cuándo</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="96"/>
        <source>&amp;Open in editor</source>
        <translation>&amp;Abrir en el editor</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="97"/>
        <source>Open the selected pack or version in the editor</source>
        <translation>Abrir en el editor el paquete o la versión seleccionados</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="101"/>
        <source>&amp;New pack</source>
        <translation>Paquete &amp;nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="101"/>
        <source>Start a new pack in the editor</source>
        <translation>Empezar un paquete nuevo en el editor</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="106"/>
        <source>&amp;Roll back to this version…</source>
        <translation>&amp;Volver a esta versión…</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="107"/>
        <source>Publish the selected earlier version again</source>
        <translation>Volver a publicar la versión anterior seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="145"/>
        <source>Published, not in force</source>
        <translation>Publicado, no en vigor</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="156"/>
        <source>✓ in force</source>
        <translation>✓ en vigor</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="157"/>
        <source>version {0}</source>
        <translation>versión {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="165"/>
        <source>{0} (pack says {1})</source>
        <translation>{0} (el paquete dice {1})</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="170"/>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="173"/>
        <source>Could not read the prompt packs: {0}</source>
        <translation>No se pudieron leer los paquetes de indicaciones: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="206"/>
        <source>Your edits are kept. Press Open in editor to replace them with the selected pack.</source>
        <translation>Tus cambios se conservan. Pulsa «Abrir en el editor» para sustituirlos por el paquete seleccionado.</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="217"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="220"/>
        <source>{0}: published version {1}</source>
        <translation>{0}: versión publicada {1}</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="227"/>
        <source>New pack</source>
        <translation>Paquete nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="233"/>
        <source>Choose a published version of a pack to roll back to.</source>
        <translation>Elige la versión publicada de un paquete a la que volver.</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="237"/>
        <source>Roll back prompt pack</source>
        <translation>Volver a una versión del paquete</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="239"/>
        <source>Roll back &apos;{0}&apos; to version {1}? Its text is published again as a new version, and every desktop takes it up at its next sync.</source>
        <translation>¿Volver «{0}» a la versión {1}? Su texto se publica de nuevo como versión nueva y cada equipo lo recibe en su próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="255"/>
        <source>&apos;{0}&apos; is back to the text of version {1}, published as version {2}.</source>
        <translation>«{0}» vuelve al texto de la versión {1}, publicado como versión {2}.</translation>
    </message>
    <message>
        <location filename="../../ui/console/packs_view.py" line="261"/>
        <source>Not rolled back: {0}</source>
        <translation>No se volvió atrás: {0}</translation>
    </message>
</context>
<context>
    <name>PromptsController</name>
    <message>
        <location filename="../../ui/agent/prompts_controller.py" line="102"/>
        <source> The prompts already in force stay.</source>
        <translation> Se mantienen las indicaciones que ya estaban en vigor.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_controller.py" line="104"/>
        <source>A prompt pack could not be loaded: {0}.</source>
        <translation>No se pudo cargar un paquete de indicaciones: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_controller.py" line="192"/>
        <source>Thank you: your suggestion was saved for your supervisors.</source>
        <translation>Gracias: tu propuesta se guardó para supervisión.</translation>
    </message>
</context>
<context>
    <name>PromptsPanel</name>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="165"/>
        <location filename="../../ui/agent/prompts_panel.py" line="168"/>
        <source>Prompts for this caller</source>
        <translation>Indicaciones para este llamante</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="170"/>
        <source>Suggest a prompt…</source>
        <translation>Proponer una indicación…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="172"/>
        <source>Suggest a prompt that is missing</source>
        <translation>Proponer una indicación que falta</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="176"/>
        <source>Suggestions for this caller appear here, each with why it is shown.</source>
        <translation>Aquí aparecen indicaciones para este llamante, cada una con el porqué.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="306"/>
        <source>Show {0} more prompts</source>
        <translation>Ver {0} indicaciones más</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="307"/>
        <source>Show the {0} prompts not shown yet</source>
        <translation>Ver las {0} indicaciones que aún no se muestran</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="369"/>
        <source>Suggest a prompt</source>
        <translation>Proponer una indicación</translation>
    </message>
    <message>
        <location filename="../../ui/agent/prompts_panel.py" line="370"/>
        <source>What would have helped you on this call? Your supervisors see every suggestion.</source>
        <translation>¿Qué te habría ayudado en esta llamada? Supervisión ve todas las propuestas.</translation>
    </message>
</context>
<context>
    <name>RemoveContactDialog</name>
    <message>
        <location filename="../../ui/agent/end_care.py" line="28"/>
        <source>Remove an emergency contact</source>
        <translation>Quitar un contacto de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/end_care.py" line="33"/>
        <source>Remove {0} as an emergency contact? They will no longer be shown for this caller or offered in emergency mode. The removal is recorded with your name.</source>
        <translation>¿Quitar a {0} como contacto de emergencia? Dejará de mostrarse para este llamante y de ofrecerse en el modo de emergencia. Queda registrado con tu nombre.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/end_care.py" line="38"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../ui/agent/end_care.py" line="38"/>
        <source>Remove {0}</source>
        <translation>Quitar a {0}</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../ui/console/review_dialog.py" line="27"/>
        <source>Review this call</source>
        <translation>Revisar esta llamada</translation>
    </message>
    <message>
        <location filename="../../ui/console/review_dialog.py" line="32"/>
        <source>{0}&apos;s call on {1}. Score each from 1 (poor) to 5 (excellent).</source>
        <translation>Llamada de {0} del {1}. Puntúa cada aspecto de 1 (malo) a 5 (excelente).</translation>
    </message>
    <message>
        <location filename="../../ui/console/review_dialog.py" line="45"/>
        <source>Score for {0}, 1 to 5</source>
        <translation>Puntuación de {0}, de 1 a 5</translation>
    </message>
    <message>
        <location filename="../../ui/console/review_dialog.py" line="47"/>
        <source>not scored</source>
        <translation>sin puntuar</translation>
    </message>
    <message>
        <location filename="../../ui/console/review_dialog.py" line="54"/>
        <source>Co&amp;mment</source>
        <translation>Co&amp;mentario</translation>
    </message>
    <message>
        <location filename="../../ui/console/review_dialog.py" line="55"/>
        <source>Comment for the agent and coach</source>
        <translation>Comentario para el agente y su formador</translation>
    </message>
    <message>
        <location filename="../../ui/console/review_dialog.py" line="60"/>
        <source>&amp;Kudos (optional)</source>
        <translation>&amp;Felicitación (opcional)</translation>
    </message>
    <message>
        <location filename="../../ui/console/review_dialog.py" line="61"/>
        <source>Kudos the agent will see in their workspace, optional</source>
        <translation>Felicitación que el agente verá en su espacio de trabajo, opcional</translation>
    </message>
    <message>
        <location filename="../../ui/console/review_dialog.py" line="64"/>
        <source>Kudos shows in the agent&apos;s workspace, with your name.</source>
        <translation>La felicitación aparece en el espacio de trabajo del agente, con tu nombre.</translation>
    </message>
    <message>
        <location filename="../../ui/console/review_dialog.py" line="78"/>
        <source>give a score from 1 to 5 for {0}.</source>
        <translation>da una puntuación de 1 a 5 para {0}.</translation>
    </message>
</context>
<context>
    <name>SavedFilterMenu</name>
    <message>
        <location filename="../../ui/console/saved_filter_menu.py" line="27"/>
        <source>Save these filters</source>
        <translation>Guardar estos filtros</translation>
    </message>
    <message>
        <location filename="../../ui/console/saved_filter_menu.py" line="28"/>
        <source>Name for this filter set (a set with the same name is replaced):</source>
        <translation>Nombre de este conjunto de filtros (si ya hay uno con ese nombre, se sustituye):</translation>
    </message>
    <message>
        <location filename="../../ui/console/saved_filter_menu.py" line="54"/>
        <source>Saved filter sets: save, apply or delete</source>
        <translation>Conjuntos de filtros guardados: guardar, aplicar o borrar</translation>
    </message>
    <message>
        <location filename="../../ui/console/saved_filter_menu.py" line="55"/>
        <source>Sa&amp;ved filters</source>
        <translation>Filtr&amp;os guardados</translation>
    </message>
    <message>
        <location filename="../../ui/console/saved_filter_menu.py" line="63"/>
        <source>Saved filter sets</source>
        <translation>Conjuntos de filtros guardados</translation>
    </message>
    <message>
        <location filename="../../ui/console/saved_filter_menu.py" line="82"/>
        <source>&amp;Save these filters as a set…</source>
        <translation>&amp;Guardar estos filtros como conjunto…</translation>
    </message>
    <message>
        <location filename="../../ui/console/saved_filter_menu.py" line="88"/>
        <source>No saved filter sets yet</source>
        <translation>Aún no hay conjuntos de filtros guardados</translation>
    </message>
    <message>
        <location filename="../../ui/console/saved_filter_menu.py" line="92"/>
        <source>Apply “{0}”</source>
        <translation>Aplicar «{0}»</translation>
    </message>
    <message>
        <location filename="../../ui/console/saved_filter_menu.py" line="96"/>
        <source>&amp;Delete a saved set</source>
        <translation>&amp;Borrar un conjunto guardado</translation>
    </message>
    <message>
        <location filename="../../ui/console/saved_filter_menu.py" line="126"/>
        <source>Saved the filters as “{0}”.</source>
        <translation>Filtros guardados como «{0}».</translation>
    </message>
    <message>
        <location filename="../../ui/console/saved_filter_menu.py" line="145"/>
        <source>Deleted the filter set “{0}”.</source>
        <translation>Se borró el conjunto de filtros «{0}».</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/agent/shortcuts.py" line="15"/>
        <location filename="../../ui/agent/shortcuts.py" line="16"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../ui/agent/shortcuts.py" line="20"/>
        <source>Actions and their keyboard shortcuts</source>
        <translation>Acciones y sus atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../ui/agent/shortcuts.py" line="21"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../ui/agent/shortcuts.py" line="21"/>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <location filename="../../ui/agent/shortcuts.py" line="33"/>
        <source>Close the list of shortcuts</source>
        <translation>Cerrar la lista de atajos</translation>
    </message>
</context>
<context>
    <name>VulnerabilityDialog</name>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="142"/>
        <source>Record a need</source>
        <translation>Registrar una necesidad</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="142"/>
        <source>Edit a need</source>
        <translation>Editar una necesidad</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="149"/>
        <source>What it relates to</source>
        <translation>Con qué está relacionada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="154"/>
        <source>&amp;Relates to</source>
        <translation>&amp;Relacionada con</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="155"/>
        <source>&amp;What they told us</source>
        <translation>&amp;Lo que nos contó</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="156"/>
        <source>What the caller told us, in their words</source>
        <translation>Lo que nos contó el llamante, en sus palabras</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="157"/>
        <source>&amp;Adjustments</source>
        <translation>&amp;Adaptaciones</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="158"/>
        <source>Adjustments they asked for, for example speak slowly</source>
        <translation>Adaptaciones que pidió, por ejemplo hablar despacio</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="173"/>
        <source>&amp;Mark as ended…</source>
        <translation>Dar por &amp;terminada…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="174"/>
        <source>Mark this need as ended: it no longer applies, was recorded in error, or consent was withdrawn</source>
        <translation>Dar por terminada esta necesidad: ya no aplica, se registró por error o se retiró el consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="160"/>
        <source>How the caller agreed to us keeping this</source>
        <translation>Cómo aceptó el llamante que guardemos esto</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="164"/>
        <source>Review by, at most {0} months ahead</source>
        <translation>Revisar antes de, como mucho {0} meses después</translation>
    </message>
    <message>
        <location filename="../../ui/agent/edit_care.py" line="170"/>
        <source>Re&amp;view by</source>
        <translation>Re&amp;visar antes del</translation>
    </message>
</context>
<context>
    <name>VulnerabilityReviewDialog</name>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="83"/>
        <source>this caller</source>
        <translation>este llamante</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="87"/>
        <source>Review a vulnerability</source>
        <translation>Revisar una vulnerabilidad</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="89"/>
        <source>{0}&apos;s recorded need is past its review date. Record what you decided and when to review it next.</source>
        <translation>La necesidad registrada de {0} ha pasado su fecha de revisión. Registra lo que decidiste y cuándo revisarla de nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="98"/>
        <source>Next review date, at most 12 months ahead</source>
        <translation>Fecha de la próxima revisión, como mucho 12 meses después</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="105"/>
        <source>Ne&amp;xt review</source>
        <translation>Próxima re&amp;visión</translation>
    </message>
</context>
<context>
    <name>WellbeingDialog</name>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="14"/>
        <source>How are you?</source>
        <translation>¿Cómo estás?</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="15"/>
        <source>A short wellbeing check</source>
        <translation>Una breve comprobación de bienestar</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="18"/>
        <source>How are you doing?</source>
        <translation>¿Qué tal estás?</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="19"/>
        <source>an emergency</source>
        <translation>una emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="19"/>
        <source>a caller who needed extra care</source>
        <translation>un llamante que necesitaba un cuidado especial</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="21"/>
        <source>That call involved {0}. It has gone to your supervisors&apos; duty-of-care queue, so you do not need to do anything more about it. Calls like that can stay with you: it is fine to take a moment.</source>
        <translation>En esa llamada hubo {0}. Ha pasado a la cola del deber de cuidado de supervisión, así que no tienes que hacer nada más. Llamadas así pueden afectarte: está bien tomarte un momento.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="27"/>
        <source>I&apos;m OK, next call</source>
        <translation>Estoy bien, siguiente</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="27"/>
        <source>I am OK; close this and take the next call</source>
        <translation>Estoy bien; cerrar esto y atender la siguiente llamada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="28"/>
        <source>Take a short break</source>
        <translation>Hacer una pausa</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="28"/>
        <source>I will take a short break</source>
        <translation>Voy a hacer una pausa breve</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="29"/>
        <source>Talk to my supervisor</source>
        <translation>Hablar con supervisión</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="29"/>
        <source>I would like to talk to my supervisor</source>
        <translation>Me gustaría hablar con mi supervisor o supervisora</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="47"/>
        <source>Set yourself as unavailable in your phone system, step away for a few minutes, and come back when you are ready.</source>
        <translation>Ponte como no disponible en tu sistema telefónico, aléjate unos minutos y vuelve cuando estés listo o lista.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/wellbeing.py" line="50"/>
        <source>Let your supervisor know you would like a word; they can see the call in their queue.</source>
        <translation>Avisa a tu supervisor o supervisora de que quieres hablar; puede ver la llamada en su cola.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="38"/>
        <source>&amp;Call</source>
        <translation>&amp;Llamada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="39"/>
        <source>&amp;Find a caller by number or name</source>
        <translation>&amp;Buscar llamante por número o nombre</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="41"/>
        <source>&amp;Emergency mode</source>
        <translation>Modo de &amp;emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="43"/>
        <source>&amp;Save this call</source>
        <translation>&amp;Guardar esta llamada</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="45"/>
        <source>Go to the &amp;note</source>
        <translation>Ir a la &amp;nota</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="50"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="51"/>
        <source>C&amp;aller</source>
        <translation>Ll&amp;amante</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="52"/>
        <source>&amp;Edit caller details…</source>
        <translation>&amp;Editar datos del llamante…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="54"/>
        <source>Add an emergency &amp;contact…</source>
        <translation>Añadir &amp;contacto de emergencia…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="56"/>
        <source>Record a &amp;need or vulnerability…</source>
        <translation>Registrar &amp;necesidad o vulnerabilidad…</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="58"/>
        <source>Show what they &amp;told us</source>
        <translation>Ver lo que nos con&amp;tó</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="60"/>
        <source>Show emergency contacts&apos; &amp;numbers</source>
        <translation>&amp;Ver números de contactos de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="62"/>
        <source>&amp;Supervisor</source>
        <translation>&amp;Supervisión</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="63"/>
        <source>Supervisor &amp;console</source>
        <translation>&amp;Consola de supervisión</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="65"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="66"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="140"/>
        <source>The call is still being set up; click the step again in a moment.</source>
        <translation>La llamada aún se está preparando; vuelve a hacer clic en el paso en un momento.</translation>
    </message>
    <message>
        <location filename="../../ui/agent/window_actions.py" line="151"/>
        <source>⚠ That step was NOT saved: {0}</source>
        <translation>⚠ Ese paso NO se guardó: {0}</translation>
    </message>
</context>
<context>
    <name>WorkspaceStatus</name>
    <message>
        <location filename="../../ui/widgets/status.py" line="23"/>
        <source>Agent: {0}</source>
        <translation>Agente: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="26"/>
        <source>Data: {0}</source>
        <translation>Datos: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="34"/>
        <source>Sync: {0}, not tried yet</source>
        <translation>Sincronización: {0}, aún sin probar</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="36"/>
        <source>Sync: online</source>
        <translation>Sincronización: en línea</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="38"/>
        <source>Sync: offline</source>
        <translation>Sincronización: sin conexión</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="39"/>
        <source> · {0} waiting to send</source>
        <translation> · {0} por enviar</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="41"/>
        <source> · {0} refused by the server (kept)</source>
        <translation> · {0} rechazados por el servidor (guardados)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="43"/>
        <source> · {0} edits to settle</source>
        <translation> · {0} cambios por resolver</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="45"/>
        <source> · last synced {0}</source>
        <translation> · última sincronización {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="47"/>
        <source> · {0}</source>
        <translation> · {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="56"/>
        <source>Local only (no sync set up)</source>
        <translation>Solo local (sin sincronización configurada)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="58"/>
        <source>Sync: {0}</source>
        <translation>Sincronización: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="60"/>
        <source> · {0} changes waiting to send</source>
        <translation> · {0} cambios por enviar</translation>
    </message>
</context>
<context>
    <name>_OutcomeDialog</name>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="36"/>
        <source>&amp;Follow-up needed</source>
        <translation>&amp;Seguimiento necesario</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="36"/>
        <source>Outcome: follow-up needed</source>
        <translation>Resultado: seguimiento necesario</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="37"/>
        <source>&amp;Referred</source>
        <translation>&amp;Derivado</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="37"/>
        <source>Outcome: referred to someone else</source>
        <translation>Resultado: derivado a otra persona</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="38"/>
        <source>&amp;No action</source>
        <translation>&amp;Ninguna acción</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="38"/>
        <source>Outcome: no action needed</source>
        <translation>Resultado: no hace falta ninguna acción</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="46"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="49"/>
        <source>Comment: what was done and why (required)</source>
        <translation>Comentario: qué se hizo y por qué (obligatorio)</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="52"/>
        <source>Co&amp;mment (required)</source>
        <translation>Co&amp;mentario (obligatorio)</translation>
    </message>
    <message>
        <location filename="../../ui/console/duty_outcome_dialog.py" line="58"/>
        <source>choose an outcome: follow-up needed, referred or no action.</source>
        <translation>elige un resultado: seguimiento necesario, derivado o ninguna acción.</translation>
    </message>
</context>
<context>
    <name>cxassist</name>
    <message>
        <location filename="../../app.py" line="132"/>
        <source>Sync is off: {0}</source>
        <translation>La sincronización está desactivada: {0}</translation>
    </message>
    <message>
        <location filename="../../app.py" line="156"/>
        <source>cxassist cannot start</source>
        <translation>cxassist no puede arrancar</translation>
    </message>
    <message>
        <location filename="../../app.py" line="157"/>
        <source>cxassist cannot open its data, so it has not started.</source>
        <translation>cxassist no puede abrir sus datos, así que no ha arrancado.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="158"/>
        <source>Nothing was changed. Open the data folder to move the file aside or restore a backup, or ask IT for help; then start cxassist again.</source>
        <translation>No se cambió nada. Abre la carpeta de datos para apartar el archivo o restaurar una copia de seguridad, o pide ayuda a informática; después vuelve a abrir cxassist.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="162"/>
        <source>Open the data folder</source>
        <translation>Abrir la carpeta de datos</translation>
    </message>
    <message>
        <location filename="../../app.py" line="167"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
</TS>
